package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitInput = 1 // a post or the theme could not be processed; with --strict, a post held back
	ExitUsage = 2 // usage or configuration error
)

// exitError carries an exit status with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, a ...any) error {
	return &exitError{code: ExitUsage, err: fmt.Errorf(format, a...)}
}

func inputErr(format string, a ...any) error {
	return &exitError{code: ExitInput, err: fmt.Errorf(format, a...)}
}

// silent is an exit status whose message has already been printed.
type silent int

func (s silent) Error() string { return fmt.Sprintf("exit status %d", int(s)) }

// env is what every command needs from the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	idOnce sync.Once // programID
	id     string
	idErr  error

	stopProfile func() error // set by --cpuprofile
}

// Run runs veil with args (without the program name) and returns the exit
// status.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if e.stopProfile != nil {
		if perr := e.stopProfile(); perr != nil && err == nil {
			err = perr
		}
	}
	if err == nil {
		return ExitOK
	}
	var s silent
	if errors.As(err, &s) {
		return int(s)
	}
	fmt.Fprintln(stderr, "veil:", err)
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if errors.Is(err, context.Canceled) {
		return ExitInput
	}
	// cobra's own errors (unknown command or flag, wrong arguments).
	return ExitUsage
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "veil",
		Short: "Publish a de-identified static blog from Markdown case reflections",
		Long: `veil builds a static blog from Markdown posts with YAML front matter and
de-identifies every post on the way: names, places, dates, ages, contact
details, ID numbers and organisations are found and replaced before
anything is written to the output directory.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr("%s: %w (see %s --help)", c.CommandPath(), err, c.CommandPath())
	})
	// --cpuprofile is for finding where a slow build spends its time and
	// for making cmd/veil/default.pgo (scripts/pgo.sh): hidden, since
	// most users never need it.
	root.PersistentFlags().String("cpuprofile", "", "write a CPU profile (pprof format) of the command to `file`")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		name, _ := c.Flags().GetString("cpuprofile")
		if name == "" {
			return nil
		}
		stop, err := startCPUProfile(name)
		if err != nil {
			return usageErr("--cpuprofile: %w", err)
		}
		e.stopProfile = stop
		return nil
	}
	root.AddCommand(newBuild(e), newServe(e), newCheck(e), newDeid(e), newNew(e), newImport(e), newVersion(e))
	return root
}
