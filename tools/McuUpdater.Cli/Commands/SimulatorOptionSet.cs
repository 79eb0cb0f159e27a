using System;
using System.Collections.Generic;
using System.CommandLine;
using McuUpdater.Cli.Hardware;

namespace McuUpdater.Cli.Commands
{
    /// <summary>The module simulator's command-line options, shared by `simulate` and `demo`.</summary>
    internal sealed class SimulatorOptionSet
    {
        private readonly Option<int> _mtu = new Option<int>("--mtu") { Description = "MTU the simulated module advertises in BEGIN_RSP (default: the ROM's, 8224 documented, 16384 quirks)" };
        private readonly Option<string> _rom = new Option<string>("--rom") { Description = "documented | quirks (single-stage sync, bursty flash)", DefaultValueFactory = _ => "documented" };
        private readonly Option<string[]> _faults = new Option<string[]>("--fault", "--faults") { Description = SimulatorSettings.FaultHelp, AllowMultipleArgumentsPerToken = true };
        private readonly Option<uint> _seed;
        private readonly Option<string> _version;
        private readonly Option<string> _powerInput;

        /// <summary>
        /// The common options; <paramref name="bench"/> adds what only a bench simulator needs
        /// (the version it reports, what its power input drives).
        /// </summary>
        public SimulatorOptionSet(string seedDescription, bool bench)
        {
            _seed = new Option<uint>("--seed") { Description = seedDescription, DefaultValueFactory = _ => 1 };
            if (bench)
            {
                _version = new Option<string>("--version") { Description = "version the new firmware reports after RUN", DefaultValueFactory = _ => "M10ER01A08W32" };
                _powerInput = new Option<string>("--power-input") { Description = "what the power input drives on the module: supply (on = powered) | pwrkey (a 500 ms press starts it, a 650 ms press stops it on release)", DefaultValueFactory = _ => "supply" };
            }
        }

        /// <summary>The options, to add to a command.</summary>
        public IEnumerable<Option> All
        {
            get
            {
                yield return _mtu;
                if (_version != null)
                {
                    yield return _version;
                }

                yield return _rom;
                yield return _faults;
                yield return _seed;
                if (_powerInput != null)
                {
                    yield return _powerInput;
                }
            }
        }

        /// <summary>The simulator settings a parse produced.</summary>
        public SimulatorSettings Read(ParseResult r)
        {
            SimulatorSettings s = new SimulatorSettings
            {
                Mtu = r.GetValue(_mtu),
                Rom = r.GetValue(_rom),
                Faults = r.GetValue(_faults) ?? Array.Empty<string>(),
                Seed = r.GetValue(_seed),
            };
            if (_version != null)
            {
                s.Version = r.GetValue(_version);
            }

            if (_powerInput != null)
            {
                s.PowerInput = r.GetValue(_powerInput);
            }

            return s;
        }
    }
}
