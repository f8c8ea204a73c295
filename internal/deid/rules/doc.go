// Package rules holds pattern detectors for structured identifiers: dates and
// times, ages, contacts (phones, e-mail, URLs, handles, IP addresses), ID
// numbers and addresses (streets, PO boxes, postal codes).
//
// Every detector is a small regexp-driven unit (Go's RE2 engine, so matching
// is linear in the input) with cheap fixed-size context checks around each
// match. Detectors favour recall over precision: a missed identifier is a
// leak, an extra finding is only an over-redaction. Default returns them all
// in a stable order.
package rules
