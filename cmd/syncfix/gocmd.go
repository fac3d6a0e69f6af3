package main

import "strings"

// goCommandProblems splits the message of a failed go command run into
// one line per problem. Blank lines are dropped, and an indented line
// continues the one before it, as the go command indents its advice
// ("to update it:\n\tgo mod tidy"). The message of the vendoring check
// is reworded, since its advice names go's flags rather than syncfix's
// (vendoringProblems).
func goCommandProblems(dir, msg string) []string {
	if strings.Contains(msg, "inconsistent vendoring") {
		return vendoringProblems(dir, msg)
	}
	var lines []string
	for line := range strings.SplitSeq(msg, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case (line[0] == '\t' || line[0] == ' ') && len(lines) > 0:
			lines[len(lines)-1] = oneLine(lines[len(lines)-1] + "\n" + line)
		default:
			lines = append(lines, line)
		}
	}
	return lines
}

// vendoringProblems rewords the go command's refusal of a vendor
// directory that does not match go.mod, typically one from before
// modules, without vendor/modules.txt:
//
//	go: inconsistent vendoring in /abs/dir:
//		example.com/dep@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt
//
//		To ignore the vendor directory, use -mod=readonly or -mod=mod.
//		To sync the vendor directory, run:
//			go mod vendor
//
// as one line per module, and advice that names syncfix's --mod flag
// and GOFLAGS, which are how syncfix is given go's -mod.
func vendoringProblems(dir, msg string) []string {
	head, rest, _ := strings.Cut(msg, "\n")
	where := ""
	if _, mod, ok := strings.Cut(head, "inconsistent vendoring in "); ok {
		if rel := relPath(dir, strings.TrimSuffix(mod, ":")); rel != "." {
			where = " in " + rel
		}
	}
	var lines []string
	for line := range strings.SplitSeq(rest, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "To ignore") || strings.HasPrefix(line, "To sync") {
			break
		}
		if line != "" {
			lines = append(lines, "go: inconsistent vendoring"+where+": "+line)
		}
	}
	return append(lines, "to ignore the vendor directory, use --mod=mod (or GOFLAGS=-mod=mod); to make it match go.mod, run go mod vendor")
}
