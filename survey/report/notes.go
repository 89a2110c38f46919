package report

import (
	"strconv"
	"strings"

	"github.com/spfkit/spfkit/survey"
	"github.com/spfkit/spfkit/survey/score"
)

// withheldText says in words why a result is withheld.
func withheldText(rep *score.Report, reason string) string {
	switch reason {
	case score.ReasonPersonalData:
		return "Not published: the answers are personal data."
	case score.ReasonUnanimous:
		return "Withheld: everyone who answered gave the same answer."
	case score.ReasonComplementary:
		return "Withheld: with the figures shown, it would let the answers of fewer than " + strconv.Itoa(rep.MinGroup) + " people be worked out by subtraction."
	}
	return "Withheld: fewer than " + strconv.Itoa(rep.MinGroup) + " answered."
}

// reasonMark is a withheld cell in a table: "*", or "*" and the reason
// where it is not the usual one.
func reasonMark(reason string) string {
	switch reason {
	case score.ReasonPersonalData:
		return "* (personal data)"
	case score.ReasonUnanimous:
		return "* (unanimous)"
	}
	return "*"
}

// shownIfText says which respondents a conditional question was asked of.
func shownIfText(rep *score.Report, s *score.ShownIf) string {
	if s == nil {
		return ""
	}
	return "Asked only of respondents who " + conditionText(rep, s) + "."
}

// conditionText words a condition as what respondents did: "answered
// “Agree” or “Strongly agree” to “…”", joined by "and" and "or" for a
// group, with a nested group in brackets.
func conditionText(rep *score.Report, s *score.ShownIf) string {
	return survey.GroupWords(s, func(s *score.ShownIf) ([]score.ShownIf, []score.ShownIf) { return s.All, s.Any }, func(s *score.ShownIf) string {
		quoted := make([]string, len(s.Labels))
		for i, l := range s.Labels {
			quoted[i] = "“" + l + "”"
		}
		q := "“" + questionText(rep, s.Question) + "”"
		switch {
		case s.Answered != nil && *s.Answered:
			return "answered " + q
		case s.Answered != nil:
			return "did not answer " + q
		case s.AllOf != nil:
			return "chose all of " + strings.Join(quoted, ", ") + " at " + q
		case s.NoneOf != nil:
			return "did not answer " + strings.Join(quoted, " or ") + " to " + q
		}
		return "answered " + strings.Join(quoted, " or ") + " to " + q
	})
}

// commentsNote says why no comments are shown, or "".
func commentsNote(rep *score.Report, q score.QuestionResult, title string) string {
	switch q.CommentsWithheld {
	case score.WithheldBelowMinText:
		return title + " are withheld: fewer than " + strconv.Itoa(rep.MinText) + " were given."
	case score.WithheldPersonalData:
		return title + " are personal data and are not published."
	case score.WithheldSmallAudience:
		return title + " are withheld: the question was asked of fewer than " + strconv.Itoa(rep.MinGroup) + " respondents, so a comment would show what its writer answered before."
	}
	return ""
}

// groupsWithheldText explains a breakdown with no group shown, or "".
func groupsWithheldText(rep *score.Report) string {
	switch rep.GroupsWithheld {
	case score.GroupsByWithheld:
		return "No group is shown: the answers to “" + questionText(rep, rep.By) + "” are themselves withheld, and the groups' sizes would show them."
	case score.GroupsNoneSafe:
		return "No group can be shown safely: every group would let the answers of fewer than " + strconv.Itoa(rep.MinGroup) + " people be worked out, alone or with the others and the overall figures."
	}
	return ""
}

// themeCells are a theme result's table cells after the label: n, mean
// (95% CI), median, SD, each band and missing.
func themeCells(th score.ThemeResult) []string {
	if th.Suppressed || th.ThemeStats == nil {
		mark := reasonMark(th.Reason)
		out := []string{mark, mark, mark, mark}
		for range score.ThemeBands {
			out = append(out, mark)
		}
		return append(out, mark)
	}
	s := th.ThemeStats
	mean := dash(s.Mean, two)
	if s.MeanCI95 != nil {
		mean += " (" + two(s.MeanCI95[0]) + "–" + two(s.MeanCI95[1]) + ")"
	}
	n := strconv.Itoa(s.N)
	if s.Unanimous {
		n += unanimousMark
	}
	out := []string{n, mean, dash(s.Median, two), dash(s.SD, two)}
	for _, b := range score.ThemeBands {
		out = append(out, strconv.Itoa(s.Distribution[b]))
	}
	return append(out, strconv.Itoa(s.Missing))
}

// themeHeader is the header of a theme table after the label column.
var themeHeader = []string{"n", "Mean /10 (95% CI)", "Median", "SD", "0–2", "2–4", "4–6", "6–8", "8–10", "Missing"}

// groupTheme returns a group's result for a theme, or a withheld one.
func groupTheme(g score.GroupResult, th score.ThemeResult) score.ThemeResult {
	if !g.Suppressed {
		for _, gt := range g.Themes {
			if gt.ID == th.ID {
				return gt
			}
		}
	}
	return score.ThemeResult{ID: th.ID, Suppressed: true, Reason: g.Reason}
}

// openCollectionText warns that a report's responses were not limited to
// invited people, or is "".
func openCollectionText(rep *score.Report) string {
	if !rep.OpenCollection {
		return ""
	}
	return "Anyone with the survey's link could respond, and more than once, so a group's figures may include made-up answers."
}
