package wasm

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestBundleLeavesHeavyPackagesOut keeps the packages the widget budget
// cannot afford out of the js/wasm build.
func TestBundleLeavesHeavyPackagesOut(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./cmd/spfkit-widget")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["syscall/js"] || !deps["github.com/spfkit/spfkit/survey"] {
		t.Fatalf("unexpected dependency list:\n%s", out)
	}
	for _, banned := range []string{"fmt", "reflect", "encoding/json", "net/http", "regexp", "text/template", "html/template", "time", "embed", "os", "crypto/sha256",
		"github.com/santhosh-tekuri/jsonschema/v5", "github.com/invopop/jsonschema", "github.com/hashicorp/go-multierror"} {
		if deps[banned] {
			t.Errorf("the widget build imports %s", banned)
		}
	}
}
