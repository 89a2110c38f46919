package wasm

import (
	"github.com/spfkit/spfkit/internal/jsonlite"
	"github.com/spfkit/spfkit/survey"
)

// DraftTTL is how long a draft kept with storage="local" lasts: 7 days, in
// milliseconds. Session drafts end with the tab anyway.
const DraftTTL = 7 * 24 * 60 * 60 * 1000

// DraftKey is the storage key of a survey's draft. It holds the survey id
// only: no personal data.
func DraftKey(def *survey.Definition) string { return "spfkit:draft:" + def.ID }

// EncodeDraft writes a draft: the definition's hash, when it was saved
// (milliseconds since 1970) and the answers so far.
func EncodeDraft(def *survey.Definition, r *survey.Response, savedMs float64) []byte {
	var w jsonlite.Writer
	w.BeginObject()
	w.StringField("hash", def.Hash())
	w.Key("saved")
	w.Float(savedMs)
	body, _ := r.MarshalJSON()
	w.Key("response")
	w.String(string(body))
	w.EndObject()
	return w.Bytes()
}

// The notices shown when a draft cannot be restored.
const (
	NoticeChanged = "The survey has changed since your answers were saved, so they have been cleared. Please answer again."
	NoticeExpired = "Your saved answers were more than 7 days old, so they have been cleared."
)

// DecodeDraft restores a draft. It returns nil and a notice when the draft
// was saved for another version of the definition or has expired (ttlMs >
// 0), and nil without a notice when it cannot be read at all.
func DecodeDraft(def *survey.Definition, data []byte, nowMs, ttlMs float64) (*survey.Response, string) {
	v, err := jsonlite.Parse(data)
	if err != nil || v.Kind != jsonlite.Object {
		return nil, ""
	}
	hash, _ := v.Get("hash")
	saved, _ := v.Get("saved")
	body, _ := v.Get("response")
	if hash.Str != def.Hash() {
		return nil, NoticeChanged
	}
	if ttlMs > 0 && (saved.Kind != jsonlite.Number || nowMs-saved.Num > ttlMs) {
		return nil, NoticeExpired
	}
	r, probs, err := survey.DecodeResponse([]byte(body.Str))
	if err != nil || len(probs) > 0 || r.Survey != def.ID {
		return nil, ""
	}
	return r, ""
}
