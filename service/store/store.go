package store

import (
	"context"
	"errors"
)

// Store is where the service keeps surveys, responses, invitations,
// releases and plans. Documents (a survey's settings, a response, a
// ledger, a report, a plan) are stored as the JSON the service made; the
// store checks none of them, the service does. Every method is safe for
// concurrent use.
type Store interface {
	// CreateSurvey stores a new survey's settings; ErrExists when the id
	// is taken.
	CreateSurvey(ctx context.Context, id string, settings []byte) error
	// UpdateSurvey replaces a survey's settings; ErrNotFound when there
	// is no such survey.
	UpdateSurvey(ctx context.Context, id string, settings []byte) error
	// Survey returns a survey's settings; ErrNotFound when there is none.
	Survey(ctx context.Context, id string) ([]byte, error)
	// SurveyIDs lists the surveys, in id order.
	SurveyIDs(ctx context.Context) ([]string, error)

	// Submit stores a response once: a second submission with the same
	// key is a Duplicate and changes nothing. With a token, the token is
	// used up in the same transaction; an unknown or used token gives
	// TokenRefused and stores nothing. Submit returns after the outcome
	// is durable.
	Submit(ctx context.Context, s Submission) (Outcome, error)
	// Responses calls each with every stored response to a survey, in key
	// order (which is not the order they arrived in).
	Responses(ctx context.Context, survey string, each func(body []byte) error) error
	// CountResponses counts a survey's stored responses.
	CountResponses(ctx context.Context, survey string) (int, error)

	// AddTokens stores the keyed hashes of new invitation tokens.
	AddTokens(ctx context.Context, survey string, hashes [][]byte) error
	// Tokens counts a survey's invitation tokens issued and used.
	Tokens(ctx context.Context, survey string) (issued, used int, err error)

	// Ledger returns the release ledger and its version; a store with no
	// ledger yet gives nil and version 0.
	Ledger(ctx context.Context) (ledger []byte, version int64, err error)
	// Publish saves the ledger with a new release recorded in it and the
	// release's report, in one transaction, provided the ledger is still
	// at version; ErrConflict when another instance released first.
	Publish(ctx context.Context, version int64, ledger []byte, r Release) error
	// Releases lists a survey's releases, oldest first, reports included.
	Releases(ctx context.Context, survey string) ([]Release, error)

	// Plan returns a plan and its version; ErrNotFound when there is none.
	Plan(ctx context.Context, key string) (plan []byte, version int64, err error)
	// PutPlan stores a plan when it is still at version (0: when there is
	// no plan under key yet) and returns its new version; ErrConflict
	// when someone else changed it first.
	PutPlan(ctx context.Context, key string, plan []byte, version int64) (int64, error)
	// Plans lists the plans whose keys start with prefix, in key order.
	Plans(ctx context.Context, prefix string) ([]StoredPlan, error)

	// Secret returns the named secret: 32 random bytes made the first
	// time it is asked for, the same for every instance afterwards.
	Secret(ctx context.Context, name string) ([]byte, error)

	// Ping checks the database answers.
	Ping(ctx context.Context) error
	// Close waits for submissions in flight and closes the database.
	Close() error
}

// Submission is one response to store.
type Submission struct {
	// The survey it answers.
	Survey string
	// The response's key: a keyed hash of the submission id the widget
	// made, so that a retry is recognised. Also the row's primary key.
	Key []byte
	// The response document.
	Body []byte
	// The day it arrived, YYYY-MM-DD: never a finer time.
	Day string
	// The keyed hash of the invitation token it used, or nil.
	Token []byte
}

// Outcome is what Submit did with a submission.
type Outcome int

const (
	// Stored: the response is new and now durable.
	Stored Outcome = iota + 1
	// Duplicate: a response with the same key was stored before; nothing
	// changed.
	Duplicate
	// TokenRefused: the invitation token is unknown or was used; nothing
	// was stored.
	TokenRefused
)

// Release is a published report of a survey.
type Release struct {
	// The survey released.
	Survey string
	// The release's number in the ledger.
	ID int
	// The report, as survey-report JSON.
	Report []byte
}

// StoredPlan is a plan with its key and version.
type StoredPlan struct {
	Key     string
	Version int64
	Plan    []byte
}

var (
	// ErrNotFound: there is nothing under that id or key.
	ErrNotFound = errors.New("store: not found")
	// ErrExists: the id is taken.
	ErrExists = errors.New("store: already exists")
	// ErrConflict: the thing changed since it was read.
	ErrConflict = errors.New("store: changed since it was read")
	// ErrClosed: the store was closed.
	ErrClosed = errors.New("store: closed")
)
