package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
)

func main() {
	n := flag.Int("n", 1_500_000, "number of cases")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	rng := rand.New(rand.NewPCG(2026, 6))
	froms := []string{"nhs_trust", "foundation_trust", "nhs_england", "special_health_authority"}
	tos := []string{"nhs_trust", "foundation_trust", "private_provider", "charity_provider", "social_enterprise", "local_authority", "gp_practice", "apms_contractor"}
	mechs := []string{"tupe_business_transfer", "tupe_service_provision_change", "cosop_offer", "voluntary_move", "administrative_reorganisation"}
	terms := []string{"agenda_for_change", "agenda_for_change", "agenda_for_change", "medical_dental", "board_level"}
	pensions := []string{"nhsps_active", "nhsps_active", "nhsps_eligible", "nhsps_opted_out"}
	for i := 0; i < *n; i++ {
		mech := mechs[rng.IntN(len(mechs))]
		spc := ""
		if mech == "tupe_service_provision_change" {
			spc = `,"spc_kind":"outsourcing"`
		}
		year := 2015 + rng.IntN(12)
		date := fmt.Sprintf("%04d-%02d-01", year, 1+rng.IntN(12))
		start := fmt.Sprintf("%04d-%02d-%02d", year-1-rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28))
		fmt.Fprintf(w, `{"id":"case-%d","employee":{"terms":"%s","contract":"permanent","pension":"%s","continuous_service_start":"%s","assigned":true},"transfer":{"from":{"name":"Trust %d","kind":"%s","recognised_union":%t,"headcount":%d},"to":{"name":"Provider %d","kind":"%s","headcount":%d},"date":"%s","mechanism":"%s"%s,"compulsory":%t,"transferring":%d,"measures_envisaged":%t,"redundancies_envisaged":%d}}`+"\n",
			i, terms[rng.IntN(len(terms))], pensions[rng.IntN(len(pensions))], start, i%500, froms[rng.IntN(len(froms))], rng.IntN(2) == 0, 100+rng.IntN(9000),
			i%700, tos[rng.IntN(len(tos))], 5+rng.IntN(500), date, mech, spc, mech != "voluntary_move", 1+rng.IntN(200), rng.IntN(2) == 0, rng.IntN(40))
	}
}
