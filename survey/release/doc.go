// Package release models the record of what a forum has published from
// a survey: a Ledger lists each released report's shown cells with the
// respondents each counted, and refuses a new release that, together with
// the earlier ones, would let a reader single out fewer than k people.
//
// One report can be made safe on its own (package score withholds what
// sums and differences of its own cells would give away), but two reports
// of the same survey can still be subtracted: a wave published with and
// then without one late response, breakdowns by two questions whose
// groups differ by one person, a group that grows by one between waves.
// Only a record of what was already published can stop that, so the
// service publishes through a ledger and `spfkit score --ledger FILE`
// keeps one on the command line.
//
// # What is recorded
//
// Responses carry no ids, so a ledger names each respondent by a
// fingerprint: the first 8 bytes of HMAC-SHA-256 of their answers, keyed
// with the ledger's own random Key (the n-th identical response gets a
// distinct derived key). A shown cell is recorded as its question (or
// theme), its group, its count and the SHA-256 digest of its sorted
// fingerprints; the fingerprint sets themselves are stored once per
// release, shared by every cell that counts the same people. Anyone
// holding the ledger can test a guessed response against a fingerprint,
// so the ledger is as confidential as the responses: keep it with them,
// never publish it.
//
// # The rule
//
// For each question and theme, take every cell of it released so far and
// the new release's cells. People who are in exactly the same cells form
// a block; any sum or difference of those cells weighs everyone in a
// block alike, so a reader can isolate at most whole blocks. The release
// is refused when some block holds from 1 to k−1 people, where k is the
// largest minimum group of the releases involved. The refusal names the
// earlier release and cells that conflict and says what would make the
// release safe: waiting until enough more responses are counted, or
// leaving out the cells named. Releases of different surveys never
// conflict; versions of one survey share question ids, so they are
// checked together.
package release
