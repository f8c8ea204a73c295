package deid

// Pseudonyms. These short lists are common, ordinary names chosen so that a
// replaced post reads naturally; the lexicon-based planner draws from larger
// lists.
var firstNames = []string{
	"Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery",
	"Quinn", "Robin", "Sam", "Drew", "Jesse", "Cameron", "Rowan", "Blair",
	"Emery", "Hayden", "Kendall", "Logan", "Parker", "Reese", "Sage", "Skyler",
	"Dana", "Kerry", "Lee", "Marion", "Shannon", "Tracy", "Ellis", "Frankie",
}

var surnames = []string{
	"Adams", "Baker", "Carter", "Dalton", "Ellison", "Fletcher", "Garner",
	"Harper", "Ingram", "Jensen", "Keller", "Lawson", "Mercer", "Norris",
	"Osborne", "Prescott", "Quinlan", "Rowe", "Sutton", "Thorne", "Underwood",
	"Vance", "Whitaker", "Yates", "Ashby", "Brennan", "Colby", "Dunmore",
	"Everett", "Fairchild", "Hollis", "Lindqvist",
}
