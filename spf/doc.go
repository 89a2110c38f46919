// Package spf models partnership bodies such as the NHS Social Partnership
// Forum: national, regional, system and organisation forums, their
// subgroups, the partner organisations that take part, co-chairs from both
// sides, memberships, meetings and decisions, the stocktake and heat check
// cycle with what each review recommends, and organisational change such
// as CCGs becoming ICBs.
//
// The shapes follow Popolo and W3C ORG. An Organization has one
// Classification and may name a parent (a subgroup); a Post such as
// "Co-chair (staff side)" exists apart from its holder, who holds it
// through a dated Membership; a ChangeEvent records a merger or
// replacement without ending the originals by itself. A Directory holds
// them all, with queries (Members, Holders, Subgroups, Successors, On) and
// Validate, which applies the partnership rules and returns every problem
// at once with a JSON Pointer and a stable code.
//
// Dates are partial (2021, 2021-04, 2021-04-01) as the sources give them,
// and every period is half-open, [start, end): a CCG dissolved on
// 2022-07-01 and the ICB founded that day never overlap, and a membership
// ending on a date no longer holds on it. A partial date counts as its
// first day.
//
// Choices this package makes where the sources are silent:
//   - Side is "employer" or "staff"; national bodies (DHSC, NHS England,
//     HEE) are partners on neither side, so their Side is empty.
//   - "A forum's co-chair posts cover both sides" applies to every body
//     with co-chair posts, and only chair and co-chair posts are limited to
//     one holder at a time (Popolo allows shared posts otherwise).
//   - A membership with an unknown start is given the benefit of the
//     doubt, but an ongoing membership of a dissolved body is an error:
//     record its end (Popolo: memberships end when the body dissolves).
//   - Review cycles count from the most recent completed stocktake; a year
//     whose review was not done is settled and is not asked for again.
//   - A review's recommendations (Recommendation) live in the directory
//     beside the review, each with the owner the review names, a status
//     from the task-list set an action plan uses (hrod.Status), evidence
//     and dated updates; RollUp counts them by review or owner. A status
//     nobody has recorded stays empty rather than "not yet started", a
//     completed one needs evidence, and the last update that gives a
//     status gives the recommendation's. A decision whose source does not
//     say how it was reached is NotRecorded, never assumed consensus.
//   - The register of documents (Document) keeps a document's own title
//     where it is short; a long one is shortened to its main title, and
//     where the source names none the title describes the document; a
//     note says which.
//
// Builtin returns the directory read from the SPF's published pages; its
// records name their sources and note where the sources disagree (the
// London SPF's management co-chair). Names, dates and titles are the
// sources' exactly; charters, purposes and notes are in our own words (a
// test checks that no 12 words in a row repeat a source).
package spf

//go:generate go test -run TestBuiltinGenerated -update .
