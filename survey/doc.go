// Package survey models partnership surveys such as the SPF heat check:
// definitions of questions, responses and their validation, scoring with
// confidence intervals, privacy-safe breakdowns by group, comparison of
// two waves, and reports in JSON, CSV, Markdown and HTML.
//
// A Definition lists questions of four types (likert, single choice with
// an optional "Other – please specify", multiple choice, free text), each
// with required, help, personal-data and show-if rules; its Hash
// identifies its content. Two are built in, from the SPF heat check 2022:
// HeatCheck2022Members and HeatCheck2022PolicyLeads, with the seed's
// wording copied exactly.
//
// A Response maps question ids to answers. DecodeResponse and Validator
// are small and free of reflection and fmt, because the intranet widget
// compiles the same code to WebAssembly: a response is judged the same in
// the browser and on the server. That code lives in internal/surveycore,
// which this package re-exports as type aliases and thin functions; the
// documentation of Definition, Response, Answer and Validator is there. Problems are *problem.Error values with a JSON
// Pointer ("/answers/q1", "/other/org_type") and a stable code.
//
// A Tally counts valid responses, overall and by the groups of one choice
// question; the counts are sufficient for every statistic, so a Tally
// takes constant memory and tallies Merge. Scorer fills one from a JSON
// array, a CSV export or streamed NDJSON, rejecting bad records with their
// line and counting the rest. Tally.Report computes the statistics and
// applies suppression once, so every output format shows the same thing;
// Compare tests two waves.
//
// # Statistics
//
// Every statistic excludes missing answers and "don't know" from its base
// n, and is computed unrounded; only the Markdown, HTML and CSV writers
// round. For a likert question: the distribution, mean, SD (n−1), median
// (the mean of the two middle values when n is even), % top-2 and
// % bottom-2 box (the two highest and lowest points; one on scales of
// fewer than four points), net agreement (top-2 minus bottom-2), the NHS
// Staff Survey's 0–10 score, the Wilson 95% interval of the top-2 share
// and the t 95% interval of the mean, with the finite-population
// correction √((N−n)/(N−1)) when the number invited, N, is given (overall
// figures only: a group's population is unknown). Reverse scoring changes
// only the 0–10 score; the mean, distribution and boxes stay on the
// printed scale.
//
// # Privacy
//
// A statistic whose base n is from 1 to k−1 is withheld (k is 11 by
// default and never below 5). In a breakdown by a single-choice question
// the groups partition the respondents, so complementary suppression
// withholds the next smallest group while the withheld ones together are
// from 1 to k−1, for groups and again for each question's base. A group's
// count is always shown: the breakdown question's own distribution shows
// it anyway. A group of zero shows zero, not a withheld cell. Free text and
// "please specify" text are treated as identifying: they are published
// only overall, never with a group or respondent, only when kept and at
// least MinText answered, in an order that does not depend on arrival, and
// never for a question marked personal data.
//
// A shown result where everyone gave the same answer is marked unanimous
// († in Markdown and HTML, a column in CSV): it is not withheld, since its
// base is large enough, but anyone who knows that a person is counted in
// it knows their answer, so the secretariat should decide before
// publishing whether to withhold it or merge the group.
//
// # Choices made where the sources are silent
//
//   - The heat check seed marks no question as required, so none is; a
//     skipped statement counts as missing for that statement only.
//   - A likert answer is a whole number or "dont_know"; "4" in quotes is
//     the wrong type in JSON (with a hint), but a number in a CSV cell.
//   - The "please specify" text lives beside the answers, under "other",
//     so every answer keeps one simple shape; in CSV it is the column
//     "ID.other". A CSV cell may hold an option's value or its exact label.
//   - Missing counts everyone who gave no answer, including those a
//     condition did not ask.
//   - A record with any problem is rejected whole and counted in
//     Rejected; a blank NDJSON line is not a record.
//   - Compare treats waves as independent samples (responses are
//     anonymous) and reports A minus B; its verdict is higher or lower
//     when at least one test is significant in that direction and none in
//     the other, mixed when they disagree, and insufficient_n (with no
//     statistics) when either wave's base is below k.
//   - Weighting (post-stratification) is not offered: the SPF's surveys
//     are censuses of small forums, where it would add more error than it
//     removes.
//   - ImportSurveyJS is strict: a SurveyJS property, question type or
//     expression spfkit cannot express is an error, because dropping it
//     would collect different answers from the form its owner designed.
//     Pages are flattened (spfkit shows one form), a free-text question
//     without maxLength gets SurveyJSTextLimit, and SurveyJS's Other item
//     becomes the last option with the value "other".
package survey
