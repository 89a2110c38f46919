// Package jsonedit makes random edits to JSON documents, for tests that
// hold two ways of judging a document to the same verdict (the schema's
// fast path and its engine, the checker's fast rules and its slow path):
// a value replaced by another of any type, a member removed or added, an
// element dropped or appended, a key given twice.
package jsonedit
