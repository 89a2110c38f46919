// Package multi collects problems into a *multierror.Error from
// hashicorp/go-multierror, the collection spfkit's host packages return
// (package problem says why the widgets' packages return a problem.List
// instead).
package multi
