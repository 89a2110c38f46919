// Package surveyjs converts survey definitions to and from SurveyJS's
// form format, so that a team with a SurveyJS form can bring it to
// spfkit and a spfkit survey can be opened in SurveyJS's tools.
//
// ImportSurveyJS is strict: a SurveyJS property, question type or
// expression spfkit cannot express is an error at its JSON Pointer, line
// and column, because dropping it would collect different answers from
// the form its owner designed; what only changes its look is read past
// with a note. Pages and panels are flattened (spfkit shows one form,
// their titles as section headings), a free-text question without
// maxLength gets SurveyJSTextLimit, and SurveyJS's Other item becomes the
// last option with the value "other". Choices made where SurveyJS and
// spfkit differ: a None item is an ordinary option (not exclusive); a
// comment area is a question of its own; "contains" on a single choice is
// an exact match, not SurveyJS's substring test; values compare exactly,
// where SurveyJS compares text ignoring case; a question hidden by its
// condition has no answer, as SurveyJS's data has none once it clears
// hidden values on completing. ExportSurveyJS writes what SurveyJS has no word for (personal
// data, reverse scoring, sources) as custom properties that
// ImportSurveyJS reads back.
package surveyjs
