package service

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"regexp"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
)

// idempotencyKey is the form of a submission id: what the widget makes
// (a UUID) and what any careful client would.
var idempotencyKey = regexp.MustCompile(`^[A-Za-z0-9_.:-]{8,128}$`)

// submit takes one response: POST /api/surveys/{id}/responses with the
// survey-response document as the body, the widget's submission id in
// Idempotency-Key and, when the survey needs one, the invitation token in
// Spfkit-Invitation. 201: stored; 200: already stored (a retry); 400:
// the problems, located; 403: outside the survey's window, or the
// invitation is missing or used; 413: too large; 429: too often; 503:
// not saved, send again.
func (s *Service) submit(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !s.allowedOrigin(w, r) {
		refuseOrigin(w)
		return
	}
	if s.limited(w, r) {
		return
	}
	id := r.PathValue("id")
	c, err := s.survey(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		failMsg(w, http.StatusNotFound, "no_survey", fmt.Sprintf("there is no survey %s here", problem.Quote(id)), "check the submit-url of the page's <spf-survey>")
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	now := s.cfg.Now()
	switch c.state(now) {
	case "not_open":
		failMsg(w, http.StatusForbidden, "not_open", "this survey is not open yet: it opens "+when(c.Opens), "")
		return
	case "closed":
		failMsg(w, http.StatusForbidden, "closed", "this survey closed "+when(c.Closes)+", so no more answers can be taken", "")
		return
	}
	idem := r.Header.Get("Idempotency-Key")
	if idem == "" {
		// A client that sends no id cannot retry safely; each post counts.
		var b [16]byte
		rand.Read(b[:])
		idem = hex.EncodeToString(b[:])
	} else if !idempotencyKey.MatchString(idem) {
		failMsg(w, http.StatusBadRequest, "idempotency_key", "the Idempotency-Key header must be 8 to 128 letters, digits, hyphens, underscores, dots or colons", "send a fresh random id (a UUID) with each new set of answers, and the same one when retrying")
		return
	}
	var token []byte
	if c.Invitations {
		t := r.Header.Get("Spfkit-Invitation")
		if t == "" {
			failMsg(w, http.StatusForbidden, "invitation_required", "this survey takes answers only through the invitation link each person was sent", "open the survey from your invitation link")
			return
		}
		token = s.keyed("invitation", id, t)
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	res, err := c.checker.Read(body, r.ContentLength)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || hasCode(res.Problems, "too_large") {
		failMsg(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the submission is larger than the %d bytes the service takes", s.cfg.MaxBody), "")
		return
	}
	if err != nil {
		failMsg(w, http.StatusBadRequest, "unreadable", "the submission could not be read: "+err.Error(), "")
		return
	}
	if !res.Valid() {
		fail(w, http.StatusBadRequest, res.Problems...)
		return
	}
	resp := res.Value.(*survey.Response)
	if !c.AllowBlank && blank(resp) {
		p := problem.New("/answers", "blank", "answer at least one question before you submit")
		fail(w, http.StatusBadRequest, p)
		return
	}
	resp.Schema = ""
	stored, err := resp.MarshalJSON()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out, err := s.cfg.Store.Submit(r.Context(), store.Submission{
		Survey: id,
		Key:    s.keyed("submission", id, idem),
		Body:   stored,
		Day:    now.UTC().Format("2006-01-02"),
		Token:  token,
	})
	switch {
	case err != nil:
		s.unavailable(w, r, err)
	case out == store.Stored:
		writeJSON(w, http.StatusCreated, map[string]string{"status": "stored"})
	case out == store.Duplicate:
		writeJSON(w, http.StatusOK, map[string]string{"status": "duplicate"})
	default:
		failMsg(w, http.StatusForbidden, "invitation_used", "this invitation has already been used, or is not one of this survey's", "each invitation link takes one set of answers; ask the survey's organisers if you think that is wrong")
	}
}

func hasCode(ps []*problem.Error, code string) bool {
	for _, p := range ps {
		if p.Code == code {
			return true
		}
	}
	return false
}

// blank reports whether a response answers nothing.
func blank(r *survey.Response) bool {
	for _, a := range r.Answers {
		if !a.Empty() {
			return false
		}
	}
	for _, t := range r.Other {
		if t != "" {
			return false
		}
	}
	return true
}
