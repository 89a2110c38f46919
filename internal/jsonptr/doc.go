// Package jsonptr builds and splits JSON Pointers (RFC 6901), the paths that
// every spfkit error uses to say where in a document a problem is.
package jsonptr
