// Package examples holds runnable programs that show spfkit in use, one
// folder each; its test runs them so they keep working.
package examples
