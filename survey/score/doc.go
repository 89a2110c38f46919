// Package score turns survey responses into published figures: it
// tallies valid responses, computes the statistics, withholds what could
// identify a small group, and compares two waves.
//
// A Tally counts valid responses, overall and by the groups of one choice
// question; the counts are sufficient for every statistic, so a Tally
// takes constant memory and tallies Merge. Scorer fills one from a JSON
// array, a CSV export or streamed NDJSON: every JSON record goes through
// package check (its encoding, the survey-response schema and the
// survey's rules), every CSV row through the survey's rules, and a bad
// record is rejected with its problems located while the rest are
// counted. Tally.Report computes the statistics and applies suppression
// once, so every output format (survey/report) shows the same thing;
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
//   - In CSV the "please specify" text is the column "ID.other"; a cell
//     may hold an option's value or its exact label, and a likert cell a
//     number. A header naming no question of the survey, or text that is
//     not UTF-8, is refused.
//   - Missing counts everyone who gave no answer, including those a
//     condition did not ask.
//   - A record with any problem is rejected whole and counted in
//     Rejected; a blank NDJSON line is not a record, and a file with no
//     records is an error.
//   - Compare treats waves as independent samples (responses are
//     anonymous) and reports A minus B; its verdict is higher or lower
//     when at least one test is significant in that direction and none in
//     the other, mixed when they disagree, and insufficient_n (with no
//     statistics) when either wave's base is below k.
//   - Weighting (post-stratification) is not offered: the SPF's surveys
//     are censuses of small forums, where it would add more error than it
//     removes.
package score
