package spf

import (
	"slices"

	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/internal/jsonptr"
)

// Recommendation is one thing a review of a forum recommends, with who is
// to act on it, tracked by the forum's secretariat until it is done. Its
// status is the task-list set an action plan uses (hrod.Status); a
// recommendation whose status nobody has recorded has none, rather than a
// guessed "not yet started".
type Recommendation struct {
	// The recommendation's identifier in this directory.
	ID string `json:"id" jsonschema:"pattern=^[a-z0-9][a-z0-9-]*$"`
	// The review it comes from: the id of a review in review_cycles.
	ReviewID string `json:"review_id"`
	// Its number in the review's own list, when the review numbers them.
	Number int `json:"number,omitempty" jsonschema:"minimum=1"`
	// What is recommended, in a sentence or two.
	Text string `json:"text" jsonschema:"minLength=1"`
	// Who is to act on it, as the review names them.
	Owner string `json:"owner" jsonschema:"minLength=1"`
	// The organisations of this directory behind the owner, where there are any.
	OwnerIDs []OrgID `json:"owner_ids,omitempty"`
	// The day it is due, when the review or the forum set one.
	Due date.Date `json:"due,omitzero"`
	// Where it stands (not_yet_started, in_progress, completed, cannot_start_yet, has_problem); empty when nobody has recorded it.
	Status hrod.Status `json:"status,omitempty"`
	// What shows it was done: minutes, papers, links. A completed recommendation needs some.
	Evidence []string `json:"evidence,omitempty"`
	// Dated notes of progress, oldest first; the last one that gives a status gives the recommendation's.
	Updates []Update `json:"updates,omitempty"`
	// Remarks on the record.
	Notes []string `json:"notes,omitempty"`
	// The documents the record was taken from.
	Sources []Source `json:"sources,omitempty"`
}

// Update is a dated note of progress on a recommendation.
type Update struct {
	// The day of the update.
	Date date.Date `json:"date"`
	// What happened.
	Text string `json:"text" jsonschema:"minLength=1"`
	// The status the recommendation moved to, when it changed.
	Status hrod.Status `json:"status,omitempty"`
}

// NotRecordedStatus is how a rollup counts recommendations whose status
// nobody has recorded.
const NotRecordedStatus = "not_recorded"

// RecommendationGroup is the recommendations of one review or one owner,
// counted by status.
type RecommendationGroup struct {
	// The review's id or the owner's name.
	Key string `json:"key"`
	// How many recommendations the group has.
	Total int `json:"total"`
	// How many there are of each status, not_recorded for those without one.
	ByStatus map[string]int `json:"by_status"`
	// The recommendations' ids, in directory order.
	IDs []string `json:"ids"`
}

// RollUp groups the directory's recommendations by review ("review") or
// by owner ("owner"), in order of first appearance, each with its counts
// by status.
func (d *Directory) RollUp(by string) []RecommendationGroup {
	var out []RecommendationGroup
	at := map[string]int{}
	for _, r := range d.Recommendations {
		key := r.ReviewID
		if by == "owner" {
			key = r.Owner
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, RecommendationGroup{Key: key, ByStatus: map[string]int{}})
		}
		g := &out[i]
		g.Total++
		st := string(r.Status)
		if st == "" {
			st = NotRecordedStatus
		}
		g.ByStatus[st]++
		g.IDs = append(g.IDs, r.ID)
	}
	return out
}

// recommendations checks each recommendation: its review exists, its
// number is not repeated within the review, its owners exist, its status
// is one of the set and agrees with the last update that gives one, its
// updates run in date order from the review on, and a completed one shows
// evidence.
func (v *validator) recommendations() {
	reviews := map[string]Review{}
	for _, c := range v.d.ReviewCycles {
		for _, r := range c.Reviews {
			reviews[r.ID] = r
		}
	}
	ids := map[string]int{}
	numbers := map[string][]int{}
	for i, r := range v.d.Recommendations {
		p := jsonptr.Join("/recommendations", i)
		dup(v, ids, r.ID, i, p+"/id")
		rev, ok := reviews[r.ReviewID]
		switch {
		case r.ReviewID == "":
			v.add(p+"/review_id", CodeMissingValue, "recommendation %s names no review", r.ID).Hint = "set review_id to the id of a review in review_cycles"
		case !ok:
			v.add(p+"/review_id", CodeUnknownReference, "no review has id %q", r.ReviewID)
		}
		if r.Number > 0 {
			if slices.Contains(numbers[r.ReviewID], r.Number) {
				v.add(p+"/number", CodeDuplicateID, "review %s already has a recommendation numbered %d", r.ReviewID, r.Number)
			}
			numbers[r.ReviewID] = append(numbers[r.ReviewID], r.Number)
		}
		if r.Text == "" {
			v.add(p+"/text", CodeMissingValue, "recommendation %s says nothing", r.ID)
		}
		if r.Owner == "" {
			v.add(p+"/owner", CodeMissingValue, "recommendation %s has no owner", r.ID).Hint = "name who is to act on it, as the review does"
		}
		for j, id := range r.OwnerIDs {
			v.org(jsonptr.Join(p, "owner_ids", j), id, false)
		}
		if r.Status != "" && !r.Status.Valid() {
			v.add(p+"/status", CodeInvalidValue, "unknown status %q", r.Status).Hint = "use not_yet_started, in_progress, completed, cannot_start_yet or has_problem"
		}
		if r.Status == hrod.Completed && len(r.Evidence) == 0 {
			v.add(p+"/evidence", CodeMissingValue, "recommendation %s is completed but shows no evidence", r.ID).Hint = "add the minutes, paper or link that shows it was done"
		}
		// Work may start before the report is published, not before the
		// review itself.
		start := rev.Date
		if !r.Due.IsZero() && !start.IsZero() && r.Due.Before(start) {
			v.add(p+"/due", CodeInvalidValue, "recommendation %s is due on %s, before review %s on %s", r.ID, r.Due, rev.ID, start)
		}
		var last hrod.Status
		for j, u := range r.Updates {
			up := jsonptr.Join(p, "updates", j)
			switch {
			case u.Date.IsZero():
				v.add(up+"/date", CodeMissingValue, "the update has no date")
			case j > 0 && !r.Updates[j-1].Date.IsZero() && u.Date.Before(r.Updates[j-1].Date):
				v.add(up+"/date", CodeInvalidValue, "the update of %s comes before the one above it, of %s; keep updates oldest first", u.Date, r.Updates[j-1].Date)
			case !start.IsZero() && u.Date.Before(start):
				v.add(up+"/date", CodeInvalidValue, "the update of %s is before review %s (%s) made the recommendation", u.Date, rev.ID, start)
			}
			if u.Text == "" {
				v.add(up+"/text", CodeMissingValue, "the update says nothing")
			}
			if u.Status != "" {
				if !u.Status.Valid() {
					v.add(up+"/status", CodeInvalidValue, "unknown status %q", u.Status)
				}
				last = u.Status
			}
		}
		if last != "" && r.Status != last {
			v.add(p+"/status", CodeInvalidValue, "recommendation %s is %q, but its last update moved it to %q", r.ID, statusOrNone(r.Status), last).Hint = "set status to the last update's, or add an update for the change"
		}
	}
}

func statusOrNone(s hrod.Status) string {
	if s == "" {
		return "with no status"
	}
	return string(s)
}
