package service

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
)

// readJSON decodes an administrator's request body, strictly.
func readJSON(w http.ResponseWriter, r *http.Request, max int64, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, max))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		var ute *json.UnmarshalTypeError
		ptr := ""
		if errors.As(err, &ute) {
			ptr = "/" + ute.Field
		}
		p := problem.New(ptr, "syntax", "the request is not what this endpoint takes: "+err.Error())
		fail(w, http.StatusBadRequest, p)
		return false
	}
	return true
}

func (s *Service) saveSurvey(ctx context.Context, sv *Survey) error {
	b, err := json.Marshal(sv)
	if err != nil {
		return err
	}
	defer s.forget(sv.ID)
	return s.cfg.Store.UpdateSurvey(ctx, sv.ID, b)
}

// openSurvey: POST /admin/surveys with a Survey.
func (s *Service) openSurvey(w http.ResponseWriter, r *http.Request) {
	var sv Survey
	if !readJSON(w, r, 8<<20, &sv) {
		return
	}
	sv.AtClose = ""
	if _, probs := sv.prepare(); len(probs) > 0 {
		fail(w, http.StatusBadRequest, probs...)
		return
	}
	b, err := json.Marshal(&sv)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	switch err := s.cfg.Store.CreateSurvey(r.Context(), sv.ID, b); {
	case errors.Is(err, store.ErrExists):
		fail(w, http.StatusConflict, problem.New("/id", "exists", fmt.Sprintf("there is already a survey %s", problem.Quote(sv.ID))))
	case err != nil:
		s.unavailable(w, r, err)
	default:
		s.log.Info("survey opened", "survey", sv.ID, "opens", sv.Opens, "closes", sv.Closes)
		w.Header().Set("Location", s.cfg.Base+"/admin/surveys/"+sv.ID)
		s.writeStatus(w, r, http.StatusCreated, sv.ID)
	}
}

// Status is what an administrator sees of a survey (schema kind
// service-survey): its settings and where it stands.
type Status struct {
	Survey
	// Where the survey is in its life: not_open, open or closed.
	State string `json:"state" jsonschema:"enum=not_open,enum=open,enum=closed"`
	// The number of responses stored.
	Responses int `json:"responses" jsonschema:"minimum=0"`
	// The number of invitations issued, when the survey has invitations.
	InvitationsIssued int `json:"invitations_issued,omitempty" jsonschema:"minimum=0"`
	// The number of invitations used, when the survey has invitations.
	InvitationsUsed int `json:"invitations_used,omitempty" jsonschema:"minimum=0"`
	// The survey's releases, oldest first.
	Releases []ReleaseInfo `json:"releases"`
}

// ReleaseInfo describes a release without its report.
type ReleaseInfo struct {
	// The release's number in the ledger.
	ID int `json:"id" jsonschema:"minimum=1"`
	// What was released, in the secretariat's words.
	Label string `json:"label,omitempty"`
	// When it was released (RFC 3339).
	Released string `json:"released" jsonschema:"format=date-time"`
	// The question the report is broken down by, if any.
	By string `json:"by,omitempty"`
	// The number of responses the report counted.
	Respondents int `json:"respondents" jsonschema:"minimum=0"`
	// Where the report is: add .html, .json or .csv.
	Report string `json:"report" jsonschema:"minLength=1"`
}

func (s *Service) status(ctx context.Context, id string) (*Status, error) {
	c, err := s.survey(ctx, id)
	if err != nil {
		return nil, err
	}
	st := &Status{Survey: c.Survey, State: c.state(s.cfg.Now())}
	if st.Responses, err = s.cfg.Store.CountResponses(ctx, id); err != nil {
		return nil, err
	}
	if c.Invitations {
		if st.InvitationsIssued, st.InvitationsUsed, err = s.cfg.Store.Tokens(ctx, id); err != nil {
			return nil, err
		}
	}
	st.Releases, err = s.releases(ctx, id)
	return st, err
}

// releases lists a survey's releases, described from the ledger.
func (s *Service) releases(ctx context.Context, id string) ([]ReleaseInfo, error) {
	rs, err := s.cfg.Store.Releases(ctx, id)
	if err != nil || len(rs) == 0 {
		return []ReleaseInfo{}, err
	}
	data, _, err := s.cfg.Store.Ledger(ctx)
	if err != nil {
		return nil, err
	}
	l, err := release.Parse(data)
	if err != nil {
		return nil, err
	}
	byID := map[int]*release.Release{}
	for i := range l.Releases {
		byID[l.Releases[i].ID] = &l.Releases[i]
	}
	out := []ReleaseInfo{}
	for _, r := range rs {
		info := ReleaseInfo{ID: r.ID, Report: fmt.Sprintf("%s/results/%s/%d", s.cfg.Base, id, r.ID)}
		if lr := byID[r.ID]; lr != nil {
			info.Label, info.Released, info.By, info.Respondents = lr.Label, lr.Released, string(lr.By), lr.Respondents
		}
		out = append(out, info)
	}
	return out, nil
}

func (s *Service) writeStatus(w http.ResponseWriter, r *http.Request, code int, id string) {
	st, err := s.status(r.Context(), id)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	writeJSON(w, code, st)
}

// lookup finds a survey for a request, or answers 404 (no such survey) or
// 503 (the database failed) and reports false.
func (s *Service) lookup(w http.ResponseWriter, r *http.Request, id string) (*compiledSurvey, bool) {
	c, err := s.survey(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, id)
		return nil, false
	case err != nil:
		s.unavailable(w, r, err)
		return nil, false
	}
	return c, true
}

func (s *Service) notFound(w http.ResponseWriter, id string) {
	failMsg(w, http.StatusNotFound, "no_survey", fmt.Sprintf("there is no survey %s here", problem.Quote(id)), "")
}

// surveyStatus: GET /admin/surveys/{id}.
func (s *Service) surveyStatus(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := s.status(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.notFound(w, id)
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// listSurveys: GET /admin/surveys.
func (s *Service) listSurveys(w http.ResponseWriter, r *http.Request) {
	ids, err := s.cfg.Store.SurveyIDs(r.Context())
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	out := []*Status{}
	for _, id := range ids {
		st, err := s.status(r.Context(), id)
		if err != nil {
			s.unavailable(w, r, err)
			return
		}
		st.Definition = nil // the list stays short; GET the survey for it
		out = append(out, st)
	}
	writeJSON(w, http.StatusOK, out)
}

// closeSurvey: POST /admin/surveys/{id}/close closes a survey now; the
// release at close follows at the next tick.
func (s *Service) closeSurvey(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	next := c.Survey
	if now := s.cfg.Now(); now.Before(next.Closes) {
		next.Closes = now.UTC().Truncate(time.Second)
		if !next.Closes.After(next.Opens) {
			next.Opens = next.Closes.Add(-time.Second)
		}
		if err := s.saveSurvey(r.Context(), &next); err != nil {
			s.unavailable(w, r, err)
			return
		}
		s.log.Info("survey closed early", "survey", id)
	}
	if err := s.Tick(r.Context()); err != nil {
		s.log.Error("release at close", "survey", id, "error", err.Error())
	}
	s.writeStatus(w, r, http.StatusOK, id)
}

// invite: POST /admin/surveys/{id}/invitations {"count": N} makes N
// one-time tokens and returns them, the only time they are ever seen:
// the service keeps only their keyed hashes.
func (s *Service) invite(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var req struct {
		Count int `json:"count"`
	}
	if !readJSON(w, r, 1<<10, &req) {
		return
	}
	if req.Count < 1 || req.Count > 100000 {
		fail(w, http.StatusBadRequest, problem.New("/count", "range", "ask for from 1 to 100,000 invitations at a time"))
		return
	}
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	if !c.Invitations {
		failMsg(w, http.StatusConflict, "invitations_off", "this survey was opened without invitations, so anyone with its link may answer", "open a survey with \"invitations\": true to limit it to invited people")
		return
	}
	tokens := make([]string, req.Count)
	hashes := make([][]byte, req.Count)
	for i := range tokens {
		var b [18]byte
		if _, err := rand.Read(b[:]); err != nil {
			s.internal(w, r, err)
			return
		}
		tokens[i] = base64.RawURLEncoding.EncodeToString(b[:])
		hashes[i] = s.keyed("invitation", id, tokens[i])
	}
	if err := s.cfg.Store.AddTokens(r.Context(), id, hashes); err != nil {
		s.unavailable(w, r, err)
		return
	}
	s.log.Info("invitations made", "survey", id, "count", req.Count)
	writeJSON(w, http.StatusCreated, map[string]any{"survey": id, "tokens": tokens,
		"note": "Send each person one token, as the invitation query parameter of the page with the survey (?invitation=TOKEN). The service keeps only a keyed hash of each; they cannot be shown again."})
}

// releaseNow: POST /admin/surveys/{id}/releases {"by": "...", "label":
// "..."} releases the results now, through the ledger.
func (s *Service) releaseNow(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var req struct {
		By    survey.QuestionID `json:"by"`
		Label string            `json:"label"`
	}
	if !readJSON(w, r, 4<<10, &req) {
		return
	}
	c, ok := s.lookup(w, r, id)
	if !ok {
		return
	}
	if req.By != "" {
		allowed := false
		for _, b := range c.By {
			allowed = allowed || b == req.By
		}
		if !allowed {
			fail(w, http.StatusBadRequest, problem.New("/by", "not_allowed", fmt.Sprintf("this survey's results may be broken down by %v only, as it was opened", c.By)))
			return
		}
	}
	rel, err := s.release(r.Context(), id, c, req.By, req.Label, false)
	var ce *release.ConflictError
	if errors.As(err, &ce) {
		p := problem.New("", "release_refused", ce.Error())
		p.Hint = "nothing was published"
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		json.NewEncoder(w).Encode(map[string]any{"problems": []*problem.Error{p}, "min_group": ce.MinGroup, "wait": ce.Wait, "drop": ce.Drop, "omitted": ce.Omitted})
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("%s/results/%s/%d.html", s.cfg.Base, id, rel.ID))
	writeJSON(w, http.StatusCreated, ReleaseInfo{ID: rel.ID, Label: rel.Label, Released: rel.Released, By: string(rel.By), Respondents: rel.Respondents, Report: fmt.Sprintf("%s/results/%s/%d", s.cfg.Base, id, rel.ID)})
}

// exportResponses: GET /admin/surveys/{id}/responses gives every stored
// response as NDJSON, in key order (not arrival order), which spfkit
// score reads.
func (s *Service) exportResponses(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, ok := s.lookup(w, r, id); !ok {
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s-responses.ndjson"`, id))
	err := s.cfg.Store.Responses(r.Context(), id, func(b []byte) error {
		if _, err := w.Write(b); err != nil {
			return err
		}
		_, err := w.Write([]byte{'\n'})
		return err
	})
	if err != nil {
		// The status is sent; cut the body short so the file is
		// visibly incomplete rather than silently short.
		s.log.Error("export cut short", "survey", id, "error", err.Error())
		panic(http.ErrAbortHandler)
	}
}

// exportLedger: GET /admin/ledger gives the release ledger, the
// release-ledger document `spfkit score --ledger` also keeps. It is as
// confidential as the responses.
func (s *Service) exportLedger(w http.ResponseWriter, r *http.Request) {
	data, _, err := s.cfg.Store.Ledger(r.Context())
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	if data == nil {
		failMsg(w, http.StatusNotFound, "no_ledger", "nothing has been released yet, so there is no ledger", "")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Disposition", `attachment; filename="release-ledger.json"`)
	w.Write(data)
}
