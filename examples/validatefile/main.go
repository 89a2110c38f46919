package main

import (
	"fmt"
	"os"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/spf"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: validatefile FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	c := check.Checker{Kind: schema.BodyDirectory}
	r, err := c.Read(f, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, p := range r.Problems {
		fmt.Printf("%s:%d: %s: %s [%s]\n", os.Args[1], p.Line, p.Pointer, p.Message, p.Code)
	}
	if !r.Valid() {
		os.Exit(1)
	}
	d := r.Value.(*spf.Directory)
	fmt.Printf("%s: valid, %d organisations\n", os.Args[1], len(d.Organizations))
}
