using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace McuUpdater.Cli.Output
{
    /// <summary>
    /// Draws a <see cref="ProgressState"/> while work runs on another thread: a live bar (percent,
    /// bytes, rate, ETA, retries/restarts, phase) on a terminal, or plain lines at each phase change
    /// and every 10 % when the output is redirected or --verbose logs frames.
    /// </summary>
    public static class ProgressView
    {
        /// <summary>Runs <paramref name="work"/> on a worker thread and draws <paramref name="state"/> until it returns; rethrows its exception.</summary>
        public static T Run<T>(IAnsiConsole console, bool live, string title, ProgressState state, Func<T> work)
        {
            Worker<T> worker = new Worker<T>(work);

            if (live && console.Profile.Capabilities.Interactive)
            {
                ProgressColumn[] columns = ColumnsFor(console.Profile.Width, state, out int describe);
                console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(columns)
                    .Start(ctx =>
                    {
                        ProgressTask task = ctx.AddTask(title, autoStart: true, maxValue: 1);
                        worker.Start();
                        while (!worker.Join(100))
                        {
                            Update(task, state, describe);
                        }

                        Update(task, state, describe);
                        if (!worker.Failed && task.MaxValue > 0 && state.Done >= state.Total && state.Total > 0)
                        {
                            task.Value = task.MaxValue;
                        }

                        task.StopTask();
                    });
            }
            else
            {
                worker.Start();
                string lastPhase = null;
                int lastDecile = -1;
                Stopwatch clock = Stopwatch.StartNew();
                while (true)
                {
                    bool finished = worker.Join(100);
                    string phase = state.Phase;
                    if (phase != lastPhase)
                    {
                        console.MarkupLine("[grey]{0}[/] {1}", Seconds(clock), Markup.Escape(phase));
                        lastPhase = phase;
                    }

                    long total = state.Total;
                    if (total > 0)
                    {
                        int decile = (int)(state.Done * 10 / total);
                        if (decile != lastDecile && (decile > 0 || lastDecile >= 0))
                        {
                            console.MarkupLine(
                                "[grey]{0}[/] {1,3}% {2}/{3} bytes, {4} retries, {5} restarts",
                                Seconds(clock), decile * 10, state.Done, total, state.Retries, state.Restarts);
                        }

                        lastDecile = decile;
                    }

                    if (finished)
                    {
                        break;
                    }
                }
            }

            return worker.Result();
        }

        /// <summary>
        /// Runs <paramref name="work"/> (which drives several sessions at once) and draws one bar per
        /// state on a terminal, or a line per phase change of each when the output is redirected.
        /// </summary>
        public static T RunMany<T>(IAnsiConsole console, string[] titles, ProgressState[] states, Func<T> work)
        {
            Worker<T> worker = new Worker<T>(work);

            if (console.Profile.Capabilities.Interactive)
            {
                console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = Math.Clamp(console.Profile.Width - 1 - 24 - 5 - 9 - 3, 5, 40) }, new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        ProgressTask[] tasks = new ProgressTask[states.Length];
                        for (int i = 0; i < states.Length; i++)
                        {
                            tasks[i] = ctx.AddTask(titles[i], autoStart: true, maxValue: 1);
                        }

                        worker.Start();
                        bool finished;
                        do
                        {
                            finished = worker.Join(100);
                            for (int i = 0; i < states.Length; i++)
                            {
                                Update(tasks[i], states[i]);
                                int describe = Math.Max(24, console.Profile.Width - 1 - 40 - 5 - 9 - 3);
                                tasks[i].Description = Markup.Escape(Fit(titles[i] + ": " + states[i].Phase, describe));
                            }
                        }
                        while (!finished);

                        foreach (ProgressTask task in tasks)
                        {
                            task.StopTask();
                        }
                    });
            }
            else
            {
                worker.Start();
                string[] last = new string[states.Length];
                Stopwatch clock = Stopwatch.StartNew();
                bool finished;
                do
                {
                    finished = worker.Join(100);
                    for (int i = 0; i < states.Length; i++)
                    {
                        string phase = states[i].Phase;
                        if (phase != last[i])
                        {
                            console.MarkupLine("[grey]{0}[/] {1}: {2}", Seconds(clock), Markup.Escape(titles[i]), Markup.Escape(phase));
                            last[i] = phase;
                        }
                    }
                }
                while (!finished);
            }

            return worker.Result();
        }

        private static string Seconds(Stopwatch clock)
        {
            return clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6) + "s";
        }

        private static void Update(ProgressTask task, ProgressState state, int describe = int.MaxValue)
        {
            long total = state.Total;
            if (total > 0 && task.MaxValue != total)
            {
                task.MaxValue = total;
            }

            task.Value = Math.Min(state.Done, total > 0 ? total : 1);
            task.Description = Markup.Escape(Fit(state.Phase, describe));
        }

        /// <summary>
        /// The columns that fit <paramref name="width"/> terminal columns, least useful dropped first
        /// (retries, bytes, speed, time left, then the bar), and the room left for the phase text.
        /// </summary>
        internal static ProgressColumn[] ColumnsFor(int width, ProgressState state, out int describe)
        {
            // Widths of what the columns print, plus one space between columns.
            const int MinText = 12;
            const int MaxText = 40;
            const int Percent = 5;
            const int MinBar = 10;
            const int MaxBar = 40;
            int room = width - 1 - MinText - Percent;
            bool bar = room >= MinBar + 1;
            room -= bar ? MinBar + 1 : 0;
            bool left = bar && room >= 9;
            room -= left ? 9 : 0;
            bool speed = left && room >= 11;
            room -= speed ? 11 : 0;
            bool bytes = speed && room >= 16;
            room -= bytes ? 16 : 0;
            bool retries = bytes && room >= 27;
            room -= retries ? 27 : 0;
            int barWidth = MinBar;
            if (bar)
            {
                int more = Math.Min(room, MaxBar - MinBar);
                barWidth += more;
                room -= more;
            }

            describe = MinText + Math.Max(0, Math.Min(room, MaxText - MinText));
            System.Collections.Generic.List<ProgressColumn> columns = new System.Collections.Generic.List<ProgressColumn> { new TaskDescriptionColumn { Alignment = Justify.Left } };
            if (bar)
            {
                columns.Add(new ProgressBarColumn { Width = barWidth });
            }

            columns.Add(new PercentageColumn());
            if (bytes)
            {
                columns.Add(new DownloadedColumn());
            }

            if (speed)
            {
                columns.Add(new TransferSpeedColumn());
            }

            if (left)
            {
                columns.Add(new RemainingTimeColumn());
            }

            if (retries)
            {
                columns.Add(new RetriesColumn(state));
            }

            return columns.ToArray();
        }

        private static string Fit(string text, int width)
        {
            text ??= string.Empty;
            return text.Length <= width ? text.PadRight(width == int.MaxValue ? 0 : width) : text.Substring(0, width - 1) + "…";
        }

        private sealed class RetriesColumn : ProgressColumn
        {
            private readonly ProgressState _state;

            public RetriesColumn(ProgressState state)
            {
                _state = state;
            }

            public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
            {
                int retries = _state.Retries;
                int restarts = _state.Restarts;
                string style = retries + restarts == 0 ? "grey" : "yellow";
                return new Markup("[" + style + "]" + retries + " retries, " + restarts + " restarts[/]");
            }
        }
    

        /// <summary>Runs the work on a background thread and hands back its result or rethrows its exception.</summary>
        private sealed class Worker<T>
        {
            private readonly Thread _thread;
            private T _result;
            private Exception _failure;

            public Worker(Func<T> work)
            {
                _thread = new Thread(() =>
                {
                    try
                    {
                        _result = work();
                    }
                    catch (Exception ex)
                    {
                        _failure = ex;
                    }
                })
                { IsBackground = true, Name = "mcuupdater-work" };
            }

            public bool Failed => _failure != null;

            public void Start() => _thread.Start();

            public bool Join(int ms) => _thread.Join(ms);

            public T Result()
            {
                if (_failure != null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure).Throw();
                }

                return _result;
            }
        }
    }
}
