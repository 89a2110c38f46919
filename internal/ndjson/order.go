package ndjson

// InOrder receives results that workers finish in any order, each tagged
// with the sequence number of its batch (0, 1, 2, …), and calls emit for
// each in sequence order, holding back those that arrive early. after, if
// set, runs after every received result (for a progress line).
func InOrder[T any](results <-chan T, seq func(T) int, emit func(T), after func()) {
	pending := map[int]T{}
	next := 0
	for r := range results {
		pending[seq(r)] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			emit(r)
		}
		if after != nil {
			after()
		}
	}
}
