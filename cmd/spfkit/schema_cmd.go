package main

import (
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spfkit/spfkit/schema"
)

func cmdSchema(e env, args []string) int {
	const synopsis = "spfkit schema list | show KIND | write DIR"
	if len(args) == 0 {
		fmt.Fprintf(e.stderr, "Usage: %s\n", synopsis)
		return exitUsage
	}
	switch args[0] {
	case "list":
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "KIND\tSCHEMA\tDESCRIPTION")
		for _, k := range schema.Kinds() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", k.Kind, k.Kind.URL(), k.Description)
		}
		tw.Flush()
		return exitOK
	case "show":
		if len(args) != 2 {
			fmt.Fprintf(e.stderr, "Usage: spfkit schema show KIND\n")
			return exitUsage
		}
		src, err := schema.Source(schema.Kind(args[1]))
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit schema show: %v\n", err)
			return exitUsage
		}
		e.stdout.Write(src)
		return exitOK
	case "write":
		if len(args) != 2 {
			fmt.Fprintf(e.stderr, "Usage: spfkit schema write DIR\n")
			return exitUsage
		}
		dir := args[1]
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintf(e.stderr, "spfkit schema write: %v\n", err)
			return exitUsage
		}
		for _, k := range schema.Kinds() {
			src, err := schema.Source(k.Kind)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, k.Kind.FileName()), src, 0o644)
			}
			if err != nil {
				fmt.Fprintf(e.stderr, "spfkit schema write: %v\n", err)
				return exitUsage
			}
			fmt.Fprintln(e.stdout, filepath.Join(dir, k.Kind.FileName()))
		}
		return exitOK
	}
	fmt.Fprintf(e.stderr, "spfkit schema: unknown subcommand %q\nUsage: %s\n", args[0], synopsis)
	return exitUsage
}
