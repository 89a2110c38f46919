// Package seedtext finds where spfkit's built-in data repeat the wording
// of the source documents (../shared/seeds, beside the project) at
// length. The data carry the sources' facts and their short labels (a
// theme's name, a survey statement) exactly, but say everything longer in
// their own words; the tests of spf and hrod hold them to it.
package seedtext
