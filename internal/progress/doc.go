// Package progress keeps a progress line at the foot of a terminal: a
// line that is rewritten in place as work goes on, and cleared before any
// other text is written, so messages and progress never share a line.
package progress
