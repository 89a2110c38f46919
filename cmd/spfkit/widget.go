package main

import (
	"fmt"

	"github.com/spfkit/spfkit/wasm/bundle"
)

func cmdWidget(e env, args []string) int {
	if len(args) == 0 || args[0] != "build" {
		fmt.Fprintln(e.stderr, "Usage: spfkit widget build --out DIR [--from-source]")
		return exitUsage
	}
	fs := newFlagSet(e, "widget build", "spfkit widget build --out DIR [--from-source]")
	out := fs.String("out", "", "the folder to write the bundle to (created if needed)")
	fromSource := fs.Bool("from-source", false, "compile the program afresh with the Go toolchain (inside the spfkit source tree) instead of writing the one built into this command")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return flagExit(err)
	}
	if *out == "" || len(rest) > 0 {
		fmt.Fprintln(e.stderr, "spfkit widget build: name the output folder with --out DIR")
		return exitUsage
	}
	write := bundle.WriteDir
	if *fromSource {
		write = bundle.BuildDir
	}
	files, err := write(*out)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit widget build: %v\n", err)
		return exitInvalid
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "%-20s %9d bytes\n", f.Name, f.Size)
	}
	return exitOK
}
