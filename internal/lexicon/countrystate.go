package lexicon

// CountryStateNames returns the lookup form of every name of a country
// (Country's: CLDR names and common aliases) and of a US state (USState's,
// by name), as their tables hold them: the keys PlacePrefix reads for
// countries and states, for a caller that derives a smaller gate of its own
// from them (and keeps it with l: Derived).
func (l *Lexicon) CountryStateNames() ([]string, error) {
	var out []string
	for _, name := range []string{"countries", "states_name"} {
		t, err := l.open(name)
		if err != nil {
			return nil, err
		}
		for r := range t.Len() {
			out = append(out, t.Key(r))
		}
	}
	return out, nil
}
