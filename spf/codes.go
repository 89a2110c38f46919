package spf

// The codes Validate uses. They are stable: tools may match on them.
const (
	CodeDuplicateID          = "duplicate_id"
	CodeUnknownReference     = "unknown_reference"
	CodeInvalidValue         = "invalid_value"
	CodeMissingValue         = "missing_value"
	CodeInvalidInterval      = "invalid_interval"
	CodeMissingParent        = "missing_parent"
	CodeParentNotBody        = "parent_not_partnership_body"
	CodeParentCycle          = "parent_cycle"
	CodeMissingPlannedEnd    = "missing_planned_end"
	CodeCoChairSideMissing   = "co_chair_side_missing"
	CodeCoChairsOneSided     = "co_chairs_one_sided"
	CodePostHolderOverlap    = "post_holder_overlap"
	CodeSideMismatch         = "side_mismatch"
	CodePostBodyMismatch     = "post_body_mismatch"
	CodeMemberRequired       = "member_required"
	CodeOutsideLifetime      = "outside_lifetime"
	CodeMissingDivergence    = "missing_divergent_views"
	CodeUnexpectedDivergence = "unexpected_divergent_views"
	CodeChangeOriginal       = "change_original_not_existing"
	CodeChangeResulting      = "change_resulting_not_existing"
	CodeChangeSameBody       = "change_same_body"
	CodeReviewYear           = "review_year_repeated"
	CodeReviewReplacement    = "review_replacement"
)
