package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/txtar"
)

// TestSARIFSchema validates the --format sarif output against the SARIF
// 2.1.0 schema (testdata/schema): the checked-in expected output of the
// format_sarif script, and what check, diff and fix print for the
// script's module.
func TestSARIFSchema(t *testing.T) {
	schema := sarifSchemaValidator(t)
	ar, err := txtar.ParseFile(filepath.Join("testdata", "script", "format_sarif.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasSuffix(f.Name, ".sarif") {
			t.Run(f.Name, func(t *testing.T) { validateSARIF(t, schema, string(f.Data)) })
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	// fix last: it changes the files.
	for _, cmd := range []string{"check", "diff", "fix"} {
		t.Run(cmd, func(t *testing.T) {
			var stdout, stderr strings.Builder
			code := run([]string{cmd, "--format=sarif", "-v", "-C", dir}, &stdout, &stderr)
			if code != exitFindings {
				t.Fatalf("syncfix %s exited %d, want %d; stderr:\n%s", cmd, code, exitFindings, stderr.String())
			}
			validateSARIF(t, schema, stdout.String())
			if !strings.Contains(stdout.String(), `"artifactChanges"`) || !strings.Contains(stdout.String(), `"justification"`) {
				t.Errorf("the log has no fix or no silenced finding: the case no longer covers them")
			}
		})
	}
}

// sarifSchemaValidator compiles the SARIF 2.1.0 schema, with format
// assertions on ("uri", "uri-reference", "date-time").
func sarifSchemaValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "schema", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchema, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// validateSARIF validates one log, and checks that it names the schema
// it was validated against.
func validateSARIF(t *testing.T, schema *jsonschema.Schema, log string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("not valid SARIF 2.1.0: %v", err)
	}
	if got := inst.(map[string]any)["$schema"]; got != sarifSchema {
		t.Errorf("$schema = %v, want %s", got, sarifSchema)
	}
}
