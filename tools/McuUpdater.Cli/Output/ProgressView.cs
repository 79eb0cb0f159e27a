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
                console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(
                        new TaskDescriptionColumn(),
                        new ProgressBarColumn(),
                        new PercentageColumn(),
                        new DownloadedColumn(),
                        new TransferSpeedColumn(),
                        new RemainingTimeColumn(),
                        new RetriesColumn(state))
                    .Start(ctx =>
                    {
                        ProgressTask task = ctx.AddTask(title, autoStart: true, maxValue: 1);
                        worker.Start();
                        while (!worker.Join(100))
                        {
                            Update(task, state);
                        }

                        Update(task, state);
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
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
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
                                tasks[i].Description = titles[i] + ": " + states[i].Phase;
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

        private static void Update(ProgressTask task, ProgressState state)
        {
            long total = state.Total;
            if (total > 0 && task.MaxValue != total)
            {
                task.MaxValue = total;
            }

            task.Value = Math.Min(state.Done, total > 0 ? total : 1);
            task.Description = state.Phase;
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
