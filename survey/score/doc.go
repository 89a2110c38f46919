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
// A statistic whose base n is from 1 to k−1 (or with 1 to k−1 "don't
// know" answers and nothing else) is withheld; k is 11 by default and
// never below 5. In a breakdown, every shown cell (a group, or the
// overall figure) is a sum over atoms: the respondents in exactly the
// same groups. People in exactly the same shown cells form a block, and
// any sum or difference of shown cells weighs a block's people alike, so
// a reader can isolate whole blocks at most. While some block holds from
// 1 to k−1 people, one more group is withheld: the one leaving the fewest
// people in such blocks, the smallest on a tie. For a single-choice
// breakdown (groups partition the respondents) that is complementary
// suppression; for a multiple-choice one it also stops overlap
// arithmetic. The rule runs for the respondents, for each question's
// answers and for each theme; it is conservative, since it also stops a
// difference of two small blocks that no sum isolates alone. When every
// group is withheld the report says so (GroupsNoneSafe), and when the
// breakdown question's own result is withheld no group is shown at all,
// since the groups' sizes are its distribution. A group's count is
// otherwise always shown, for that reason. A group of zero shows zero.
//
// Personal data is never published, whatever the question's type, and a
// personal-data question cannot split a breakdown. Free text and "please
// specify" text are treated as identifying: they are published only
// overall, never with a group or respondent, only when kept and at least
// MinText answered, in an order that does not depend on arrival, and, for
// a question asked only after certain answers, only when at least k were
// asked it (a comment there tells its reader what its writer answered
// before). Reports say which answers a conditional question followed.
//
// A shown result where everyone gave the same answer is marked unanimous
// († in Markdown and HTML, a column in CSV); with
// ReportOptions.WithholdUnanimous it is withheld instead, and the block
// rule then also treats a unanimous block as unsafe.
//
// No report can stop two reports being subtracted; package
// survey/release keeps a ledger of what was released for that, fed by
// TallyOptions.LedgerKey and Report.ShownCells.
//
// # Themes
//
// A definition's themes are scored respondent by respondent, as the NHS
// Staff Survey does: a respondent's theme score is the mean of their 0–10
// scores on the theme's statements they answered with a point, and a
// theme's result describes those scores (mean, SD, median, t interval,
// and counts in five bands of width 2).
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
//     anonymous) and reports A minus B; its verdict, in the statement's
//     own direction (more agreement with a reverse-scored statement is
//     worse), is better or worse when at least one test is significant
//     that way and none the other, mixed when they disagree, and
//     insufficient_n (with no statistics) when either wave's base is
//     below k or withheld in a published report. Personal-data statements
//     are not compared.
//   - Weighting (post-stratification) is not offered: the SPF's surveys
//     are censuses of small forums, where it would add more error than it
//     removes.
package score
