using System;
using System.IO;
using System.Text.RegularExpressions;
using McuUpdater.Cli.Output;
using Spectre.Console;
using Xunit;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>The live bar fits the terminal, dropping columns rather than wrapping (issue 11, item 10).</summary>
    public class ProgressWidthTests
    {
        [Theory]
        [InlineData(50)]
        [InlineData(60)]
        [InlineData(80)]
        [InlineData(132)]
        public void LiveBar_FitsTheTerminalOnOneLine(int width)
        {
            StringWriter screen = new StringWriter();
            TextWriter shared = new LockedWriter(screen);
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(shared),
            });
            console.Profile.Width = width;
            ProgressState state = new ProgressState();
            state.SetTotal(262144);
            state.SetDone(131072);
            state.SetRetries(12);
            state.SetPhase("waiting for the module to be powered on");

            ProgressView.Run(console, true, "flashing", state, () =>
            {
                CliHarness.WaitFor(() => Strip(Screen(screen)).Contains("50%", StringComparison.Ordinal), 20000, () => "a drawn bar: " + Screen(screen).Replace("\u001b", "ESC"));
                return 0;
            });

            string[] lines = Strip(Screen(screen)).Split('\n');
            foreach (string line in lines)
            {
                Assert.True(line.TrimEnd().Length <= width, "wider than " + width + ": [" + line + "]");
            }

            Assert.Contains(lines, l => l.Contains("50%", StringComparison.Ordinal) && l.Contains("waiting for", StringComparison.Ordinal));
            if (width >= 132)
            {
                Assert.Contains(lines, l => l.Contains("12 retries", StringComparison.Ordinal));
            }
        }

        private static string Screen(StringWriter screen)
        {
            lock (screen)
            {
                return screen.ToString();
            }
        }

        // Writes under the StringWriter's own lock, so the test can read it while the bar draws.
        private sealed class LockedWriter : TextWriter
        {
            private readonly StringWriter _inner;

            public LockedWriter(StringWriter inner) => _inner = inner;

            public override System.Text.Encoding Encoding => _inner.Encoding;

            public override void Write(char value)
            {
                lock (_inner)
                {
                    _inner.Write(value);
                }
            }

            public override void Write(string value)
            {
                lock (_inner)
                {
                    _inner.Write(value);
                }
            }

            public override void Write(char[] buffer, int index, int count)
            {
                lock (_inner)
                {
                    _inner.Write(buffer, index, count);
                }
            }
        }

        private static string Strip(string ansi)
        {
            return Regex.Replace(ansi, "\u001b\\[[0-9;?]*[A-Za-z]|\u001b\\][^\u0007]*\u0007|\r", string.Empty);
        }
    }
}
