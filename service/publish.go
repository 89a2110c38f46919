package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/release"
	"github.com/spfkit/spfkit/survey/score"
)

// release scores every stored response to a survey, with the survey's
// minimum group size and unanimous cells withheld, and publishes the
// report through the release ledger: the ledger refuses (a
// *release.ConflictError) a report that, with what was released before,
// would let a reader single out fewer than k people. Two instances
// releasing at once cannot both pass on a stale ledger: the store saves
// the ledger only over the version it was read at, and the loser checks
// again.
//
// With once, a release of the survey with the same label and breakdown
// already in the ledger is returned instead of making another: instances
// that all see a survey close release its results once between them.
func (s *Service) release(ctx context.Context, id string, c *compiledSurvey, by survey.QuestionID, label string, once bool) (*release.Release, error) {
	for attempt := 0; attempt < 8; attempt++ {
		data, version, err := s.cfg.Store.Ledger(ctx)
		if err != nil {
			return nil, err
		}
		var l *release.Ledger
		if data == nil {
			l, err = release.New()
		} else {
			l, err = release.Parse(data)
		}
		if err != nil {
			return nil, fmt.Errorf("service: the stored release ledger: %w", err)
		}
		if once {
			if r, err := s.released(ctx, id, l, by, label); r != nil || err != nil {
				return r, err
			}
		}
		rep, err := s.report(ctx, id, c, by, l.Key)
		if err != nil {
			return nil, err
		}
		rel, err := l.Record(rep, release.Info{Label: label, Released: s.cfg.Now()})
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := l.Write(&buf); err != nil {
			return nil, err
		}
		body, err := rep.MarshalJSON()
		if err != nil {
			return nil, err
		}
		err = s.cfg.Store.Publish(ctx, version, buf.Bytes(), store.Release{Survey: id, ID: rel.ID, Report: body})
		if errors.Is(err, store.ErrConflict) {
			continue // another release went first: check against it too
		}
		if err != nil {
			return nil, err
		}
		s.log.Info("released", "survey", id, "release", rel.ID, "respondents", rel.Respondents)
		return rel, nil
	}
	return nil, errors.New("service: the release ledger kept changing while this release was checked; try again")
}

// released finds a release of the survey with this label and breakdown.
func (s *Service) released(ctx context.Context, id string, l *release.Ledger, by survey.QuestionID, label string) (*release.Release, error) {
	rs, err := s.cfg.Store.Releases(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		for i := range l.Releases {
			if lr := &l.Releases[i]; lr.ID == r.ID && lr.Label == label && lr.By == by {
				return lr, nil
			}
		}
	}
	return nil, nil
}

// report scores a survey's stored responses.
func (s *Service) report(ctx context.Context, id string, c *compiledSurvey, by survey.QuestionID, ledgerKey string) (*score.Report, error) {
	t, err := score.NewTally(c.def, score.TallyOptions{By: by, LedgerKey: ledgerKey})
	if err != nil {
		return nil, err
	}
	err = s.cfg.Store.Responses(ctx, id, func(b []byte) error {
		res := c.checker.Check(b)
		if !res.Valid() {
			t.Rejected++ // stored answers were checked when they came; this is counted, not hidden
			return nil
		}
		if err := t.Add(res.Value.(*survey.Response)); err != nil {
			t.Rejected++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	opts := score.ReportOptions{MinGroup: c.MinGroup, WithholdUnanimous: true, Invited: c.Invited, OpenCollection: !c.Invitations}
	if c.Invitations {
		issued, _, err := s.cfg.Store.Tokens(ctx, id)
		if err != nil {
			return nil, err
		}
		opts.Invited = issued
	}
	if opts.Invited > 0 && opts.Invited < t.Respondents() {
		opts.Invited = 0 // a wrong number invited gives no rate rather than one over 100%
	}
	return t.Report(opts)
}

// Tick releases the results of every survey that has closed and not yet
// been released at close: the overall report, then one per breakdown
// question. `spfkit serve` calls it every minute; tests call it with a
// fake clock.
func (s *Service) Tick(ctx context.Context) error {
	ids, err := s.cfg.Store.SurveyIDs(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, id := range ids {
		c, err := s.survey(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if c.state(s.cfg.Now()) != "closed" || c.AtClose != "" {
			continue
		}
		outcome := "released"
		for _, by := range append([]survey.QuestionID{""}, c.By...) {
			label := "at close"
			if by != "" {
				label = "at close, by " + string(by)
			}
			if _, err := s.release(ctx, id, c, by, label, true); err != nil {
				var ce *release.ConflictError
				if !errors.As(err, &ce) {
					errs = append(errs, err)
					outcome = ""
					break
				}
				s.log.Warn("release at close refused", "survey", id, "by", string(by), "reason", err.Error())
				outcome = "refused: " + err.Error()
				if by != "" {
					outcome = "released overall; the breakdown by " + string(by) + " was refused: " + err.Error()
				}
				break
			}
		}
		if outcome == "" {
			continue // try again at the next tick
		}
		next := c.Survey
		next.AtClose = outcome
		if err := s.saveSurvey(ctx, &next); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
