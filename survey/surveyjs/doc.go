// Package surveyjs converts survey definitions to and from SurveyJS's
// form format, so that a team with a SurveyJS form can bring it to
// spfkit and a spfkit survey can be opened in SurveyJS's tools.
//
// ImportSurveyJS is strict: a SurveyJS property, question type or
// expression spfkit cannot express is an error at its JSON Pointer, line
// and column, because dropping it would collect different answers from
// the form its owner designed. Pages are flattened (spfkit shows one
// form), a free-text question without maxLength gets SurveyJSTextLimit,
// and SurveyJS's Other item becomes the last option with the value
// "other". ExportSurveyJS writes what SurveyJS has no word for (personal
// data, reverse scoring, sources) as custom properties that
// ImportSurveyJS reads back.
package surveyjs
