package dict

import "github.com/veil-blog/veil/internal/deid"

// token is one word of a text: the document's words (deid.Analysis.Words),
// which every recognizer shares.
type token = deid.Word

// shape is the capitalisation of a word.
type shape = deid.Shape

const (
	shapeNone  = deid.ShapeNone
	shapeLower = deid.ShapeLower
	shapeTitle = deid.ShapeTitle
	shapeUpper = deid.ShapeUpper
	shapeMixed = deid.ShapeMixed
)

func isHyphen(r rune) bool { return deid.IsHyphen(r) }
