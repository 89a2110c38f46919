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
	out, p := s.accept(r, id, c, res.Value.(*survey.Response), idem, r.Header.Get("Spfkit-Invitation"))
	switch out {
	case store.Stored:
		writeJSON(w, http.StatusCreated, map[string]string{"status": "stored"})
	case store.Duplicate:
		writeJSON(w, http.StatusOK, map[string]string{"status": "duplicate"})
	case 0:
		s.unavailable(w, r, errors.New(p.Message))
	default:
		code := http.StatusForbidden
		if p.Code == "blank" {
			code = http.StatusBadRequest
		}
		fail(w, code, p)
	}
}

// accept stores a response that passed the survey's checks: it refuses a
// blank one (unless the survey allows them) and one without a usable
// invitation, and is idempotent by the submission id. The outcome is 0
// (with the cause in the problem) when the database failed, and
// store.TokenRefused for every refusal.
func (s *Service) accept(r *http.Request, id string, c *compiledSurvey, resp *survey.Response, idem, invitation string) (store.Outcome, *problem.Error) {
	if !c.AllowBlank && blank(resp) {
		return store.TokenRefused, problem.New("/answers", "blank", "answer at least one question before you submit")
	}
	var token []byte
	if c.Invitations {
		if invitation == "" {
			p := problem.New("", "invitation_required", "this survey takes answers only through the invitation link each person was sent")
			p.Hint = "open the survey from your invitation link"
			return store.TokenRefused, p
		}
		token = s.keyed("invitation", id, invitation)
	}
	resp.Schema = ""
	stored, err := resp.MarshalJSON()
	if err != nil {
		return 0, problem.New("", "internal", err.Error())
	}
	out, err := s.cfg.Store.Submit(r.Context(), store.Submission{
		Survey: id,
		Key:    s.keyed("submission", id, idem),
		Body:   stored,
		Day:    s.cfg.Now().UTC().Format("2006-01-02"),
		Token:  token,
	})
	if err != nil {
		return 0, problem.New("", "unavailable", err.Error())
	}
	if out == store.TokenRefused {
		p := problem.New("", "invitation_used", "this invitation has already been used, or is not one of this survey's")
		p.Hint = "each invitation link takes one set of answers; ask the survey's organisers if you think that is wrong"
		return out, p
	}
	return out, nil
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
