using System;
using System.Collections.Generic;
using System.Globalization;

namespace McuUpdater.Tests.Host.Cli
{
    /// <summary>
    /// A strict reader of Value Change Dumps, written from the grammar of IEEE 1364-2005 §18.2 and
    /// independent of the tool's writer: it refuses anything the grammar does not allow, and can
    /// also hold a file to what sigrok's VCD input (libsigrok 0.5) reads — 1-bit wires, 0/1 only.
    /// </summary>
    internal sealed class StrictVcd
    {
        private static readonly string[] VarTypes = { "event", "integer", "parameter", "real", "realtime", "reg", "supply0", "supply1", "time", "tri", "triand", "trior", "trireg", "tri0", "tri1", "wand", "wire", "wor" };
        private static readonly string[] Units = { "s", "ms", "us", "ns", "ps", "fs" };

        private StrictVcd()
        {
        }

        public long TimescaleNs { get; private set; }

        /// <summary>Reference name → (size, changes in time order as (time in units, value)).</summary>
        public Dictionary<string, Variable> Variables { get; } = new Dictionary<string, Variable>(StringComparer.Ordinal);

        public long LastTime { get; private set; }

        public sealed class Variable
        {
            public string Type;
            public int Size;
            public string Id;
            public List<KeyValuePair<long, string>> Changes = new List<KeyValuePair<long, string>>();

            /// <summary>The value at <paramref name="time"/> (the last change at or before it).</summary>
            public string At(long time)
            {
                string value = "x";
                foreach (KeyValuePair<long, string> c in Changes)
                {
                    if (c.Key > time)
                    {
                        break;
                    }

                    value = c.Value;
                }

                return value;
            }
        }

        /// <summary>Parses <paramref name="text"/>; throws FormatException naming the token on anything outside the grammar.</summary>
        public static StrictVcd Parse(string text, bool sigrokProfile)
        {
            StrictVcd vcd = new StrictVcd();
            string[] tokens = text.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
            Dictionary<string, Variable> byId = new Dictionary<string, Variable>(StringComparer.Ordinal);
            int i = 0;
            int depth = 0;
            bool timescale = false;
            bool definitionsEnded = false;

            // Declarations.
            while (!definitionsEnded)
            {
                string keyword = Next(tokens, ref i, "a declaration");
                switch (keyword)
                {
                    case "$comment":
                    case "$date":
                    case "$version":
                        UntilEnd(tokens, ref i, keyword);
                        break;
                    case "$timescale":
                        List<string> ts = UntilEnd(tokens, ref i, keyword);
                        string joined = string.Join(string.Empty, ts);
                        int digits = 0;
                        while (digits < joined.Length && char.IsDigit(joined[digits]))
                        {
                            digits++;
                        }

                        string number = joined.Substring(0, digits);
                        string unit = joined.Substring(digits);
                        if ((number != "1" && number != "10" && number != "100") || Array.IndexOf(Units, unit) < 0)
                        {
                            throw new FormatException("$timescale " + joined + " is not 1|10|100 followed by s|ms|us|ns|ps|fs");
                        }

                        if (timescale)
                        {
                            throw new FormatException("$timescale twice");
                        }

                        timescale = true;
                        double factor = unit == "s" ? 1e9 : unit == "ms" ? 1e6 : unit == "us" ? 1e3 : unit == "ns" ? 1 : 0;
                        vcd.TimescaleNs = (long)(long.Parse(number, CultureInfo.InvariantCulture) * factor);
                        if (vcd.TimescaleNs == 0)
                        {
                            throw new FormatException("this reader handles time units of 1 ns or more");
                        }

                        break;
                    case "$scope":
                        List<string> scope = UntilEnd(tokens, ref i, keyword);
                        if (scope.Count != 2 || Array.IndexOf(new[] { "begin", "fork", "function", "module", "task" }, scope[0]) < 0)
                        {
                            throw new FormatException("$scope needs a scope type and a name: " + string.Join(" ", scope));
                        }

                        depth++;
                        break;
                    case "$upscope":
                        Expect(tokens, ref i, "$end");
                        if (--depth < 0)
                        {
                            throw new FormatException("$upscope without $scope");
                        }

                        break;
                    case "$var":
                        List<string> v = UntilEnd(tokens, ref i, keyword);
                        if (v.Count != 4 && v.Count != 5)
                        {
                            throw new FormatException("$var needs type, size, identifier code, reference: " + string.Join(" ", v));
                        }

                        if (depth == 0)
                        {
                            throw new FormatException("$var outside a $scope");
                        }

                        if (Array.IndexOf(VarTypes, v[0]) < 0)
                        {
                            throw new FormatException("$var type " + v[0]);
                        }

                        if (!int.TryParse(v[1], NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1)
                        {
                            throw new FormatException("$var size " + v[1]);
                        }

                        foreach (char c in v[2])
                        {
                            if (c < 33 || c > 126)
                            {
                                throw new FormatException("identifier code with a character outside ! to ~");
                            }
                        }

                        if (byId.ContainsKey(v[2]) || vcd.Variables.ContainsKey(v[3]))
                        {
                            throw new FormatException("$var " + v[3] + " declared twice");
                        }

                        if (sigrokProfile && (size != 1 || (v[0] != "wire" && v[0] != "reg")))
                        {
                            throw new FormatException("sigrok reads only 1-bit wire/reg variables, not " + v[0] + " " + size + " " + v[3]);
                        }

                        Variable variable = new Variable { Type = v[0], Size = size, Id = v[2] };
                        byId[v[2]] = variable;
                        vcd.Variables[v[3]] = variable;
                        break;
                    case "$enddefinitions":
                        Expect(tokens, ref i, "$end");
                        definitionsEnded = true;
                        break;
                    default:
                        throw new FormatException("unexpected token in the header: " + keyword);
                }
            }

            if (depth != 0 || !timescale || vcd.Variables.Count == 0)
            {
                throw new FormatException("header: scopes unbalanced, no $timescale or no $var");
            }

            // Simulation commands.
            long time = -1;
            while (i < tokens.Length)
            {
                string t = tokens[i++];
                if (t[0] == '#')
                {
                    if (!long.TryParse(t.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out long now))
                    {
                        throw new FormatException("simulation time " + t);
                    }

                    if (now <= time)
                    {
                        throw new FormatException("simulation time " + now + " after " + time + ": times must increase");
                    }

                    time = now;
                    continue;
                }

                if (t == "$dumpvars" || t == "$dumpall" || t == "$dumpon" || t == "$dumpoff")
                {
                    while (Peek(tokens, i) != "$end")
                    {
                        ValueChange(vcd, byId, tokens, ref i, time, sigrokProfile);
                    }

                    i++;
                    continue;
                }

                if (t == "$comment")
                {
                    UntilEnd(tokens, ref i, t);
                    continue;
                }

                i--;
                ValueChange(vcd, byId, tokens, ref i, time, sigrokProfile);
            }

            vcd.LastTime = time;
            return vcd;
        }

        private static void ValueChange(StrictVcd vcd, Dictionary<string, Variable> byId, string[] tokens, ref int i, long time, bool sigrokProfile)
        {
            if (time < 0)
            {
                throw new FormatException("a value change before the first #time");
            }

            string t = Next(tokens, ref i, "a value change");
            string value;
            string id;
            if (t[0] == 'b' || t[0] == 'B')
            {
                value = t.Substring(1).ToLowerInvariant();
                id = Next(tokens, ref i, "a vector's identifier");
                foreach (char c in value)
                {
                    if ("01xz".IndexOf(c) < 0)
                    {
                        throw new FormatException("vector value " + t);
                    }
                }

                if (value.Length == 0 || !byId.TryGetValue(id, out Variable vector) || value.Length > vector.Size)
                {
                    throw new FormatException("vector change " + t + " " + id + ": undeclared or wider than its variable");
                }

                if (sigrokProfile)
                {
                    throw new FormatException("sigrok reads no vector values: " + t);
                }

                vector.Changes.Add(new KeyValuePair<long, string>(time, value));
                return;
            }

            if (t[0] == 'r' || t[0] == 'R')
            {
                throw new FormatException("real values are not expected here: " + t);
            }

            value = t.Substring(0, 1).ToLowerInvariant();
            id = t.Substring(1);
            if ("01xz".IndexOf(value, StringComparison.Ordinal) < 0 || !byId.TryGetValue(id, out Variable scalar))
            {
                throw new FormatException("scalar change " + t + ": not 0/1/x/z, or an undeclared identifier");
            }

            if (scalar.Size != 1)
            {
                throw new FormatException("scalar change " + t + " of a " + scalar.Size + "-bit variable");
            }

            if (sigrokProfile && value != "0" && value != "1")
            {
                throw new FormatException("sigrok reads 0 and 1 only: " + t);
            }

            scalar.Changes.Add(new KeyValuePair<long, string>(time, value));
        }

        /// <summary>Decodes a 1-bit wire as UART 8N1 at <paramref name="baud"/>: the bytes on it (one pass, times only go forward).</summary>
        public List<byte> Uart(string wire, int baud)
        {
            List<KeyValuePair<long, string>> changes = Variables[wire].Changes;
            double bitUnits = 1e9 / baud / TimescaleNs;
            List<byte> bytes = new List<byte>();
            int cursor = 0;
            string At(long time)
            {
                while (cursor + 1 < changes.Count && changes[cursor + 1].Key <= time)
                {
                    cursor++;
                }

                return changes[cursor].Key <= time ? changes[cursor].Value : "x";
            }

            int k = 1;
            while (true)
            {
                // The next falling edge from idle is a start bit.
                while (k < changes.Count && !(changes[k].Value == "0" && changes[k - 1].Value == "1"))
                {
                    k++;
                }

                if (k >= changes.Count)
                {
                    return bytes;
                }

                long start = changes[k].Key;
                if (At((long)(start + (0.5 * bitUnits))) != "0")
                {
                    throw new FormatException(wire + ": a start bit at " + start + " shorter than half a bit");
                }

                int b = 0;
                for (int bit = 0; bit < 8; bit++)
                {
                    if (At((long)(start + ((1.5 + bit) * bitUnits))) == "1")
                    {
                        b |= 1 << bit;
                    }
                }

                long stop = (long)(start + (9.5 * bitUnits));
                if (At(stop) != "1")
                {
                    throw new FormatException(wire + ": no stop bit for the byte starting at " + start);
                }

                bytes.Add((byte)b);
                while (k < changes.Count && changes[k].Key <= stop)
                {
                    k++;
                }
            }
        }

        private static string Next(string[] tokens, ref int i, string what)
        {
            if (i >= tokens.Length)
            {
                throw new FormatException("the file ends where " + what + " should be");
            }

            return tokens[i++];
        }

        private static string Peek(string[] tokens, int i)
        {
            if (i >= tokens.Length)
            {
                throw new FormatException("the file ends inside a section");
            }

            return tokens[i];
        }

        private static void Expect(string[] tokens, ref int i, string expected)
        {
            string t = Next(tokens, ref i, expected);
            if (t != expected)
            {
                throw new FormatException("expected " + expected + ", found " + t);
            }
        }

        private static List<string> UntilEnd(string[] tokens, ref int i, string keyword)
        {
            List<string> body = new List<string>();
            while (true)
            {
                string t = Next(tokens, ref i, "$end of " + keyword);
                if (t == "$end")
                {
                    return body;
                }

                if (t[0] == '$')
                {
                    throw new FormatException(keyword + " not closed by $end before " + t);
                }

                body.Add(t);
            }
        }
    }
}
