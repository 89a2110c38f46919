package bundle

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spfkit/spfkit/internal/cssscope"
)

// NHSUKFrontend is where npm puts nhsuk-frontend's compiled CSS (the
// version wasm/browser/package.json pins), relative to the module root.
const NHSUKFrontend = "wasm/browser/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.css"

// widgetScope is the class the loader gives every root a widget renders
// into (the element itself in light DOM, the div in its shadow root with
// the shadow attribute), and the service's pages give the elements they
// render without scripts.
const widgetScope = ".spf-root"

// used are the NHS.UK frontend blocks and utilities the widgets' markup
// uses; their rules are kept, every other rule dropped.
var used = regexp.MustCompile(`\.nhsuk-(radios|checkboxes|error-summary|error-message|form-group|fieldset|label|hint|input|textarea|character-count|button|inset-text|panel|task-list|tag|select|heading-[lms]|body|body-s|list|details|file-upload|u-visually-hidden|u-margin-top-5)(?:__|--|[^a-z0-9_-]|$)`)

// Styles makes the widgets' stylesheet: spfkit's own rules (own) and
// nhsuk-frontend's rules for the blocks the widgets use, each scoped to the
// widgets' roots, so they style nothing else on the page.
func Styles(nhsuk, own string) (string, error) {
	scoped, err := cssscope.Scope(nhsuk, cssscope.Options{
		Scope: widgetScope,
		Keep: func(sel string) bool {
			// Rules for pages where NHS.UK frontend's scripts did not run:
			// the widgets are always scripted.
			return used.MatchString(sel) && !strings.Contains(sel, ":not(.nhsuk-frontend-supported)")
		},
		Rewrite: func(sel string) string {
			return strings.TrimPrefix(sel, ".nhsuk-frontend-supported ")
		},
	})
	if err != nil {
		return "", err
	}
	version := regexp.MustCompile(`--nhsuk-frontend-version: "([^"]+)"`).FindStringSubmatch(nhsuk)
	v := "unknown"
	if version != nil {
		v = version[1]
	}
	return "/* spfkit widget styles, made by go generate ./wasm/bundle: spfkit's own rules\n" +
		" * (wasm/assets/spfkit-own.css), then nhsuk-frontend " + v + "'s rules for the\n" +
		" * components the widgets use (MIT licence, (c) NHS England), every rule\n" +
		" * scoped to the widgets so that it styles nothing else on the page. */\n" +
		own + "\n/* nhsuk-frontend " + v + ", scoped */\n" + scoped, nil
}

// GenerateStyles rewrites wasm/assets/spfkit.css from spfkit-own.css and
// nhsuk-frontend (npm ci in wasm/browser first). root is the module root.
func GenerateStyles(root string) error {
	css, err := StylesFrom(root)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, "wasm/assets/spfkit.css"), []byte(css), 0o644)
}

// StylesFrom makes the stylesheet from the files under the module root.
func StylesFrom(root string) (string, error) {
	nhsuk, err := os.ReadFile(filepath.Join(root, NHSUKFrontend))
	if err != nil {
		return "", err
	}
	own, err := os.ReadFile(filepath.Join(root, "wasm/assets/spfkit-own.css"))
	if err != nil {
		return "", err
	}
	return Styles(string(nhsuk), string(own))
}
