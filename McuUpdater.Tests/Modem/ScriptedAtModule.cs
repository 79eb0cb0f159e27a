using System.Collections;
using System.Text;
using McuUpdater.Simulator;

namespace McuUpdater.Tests.Modem
{
    /// <summary>A module endpoint that answers each CR-terminated command with the next scripted reply (real wire bytes), for AT channel tests in virtual time.</summary>
    public sealed class ScriptedAtModule : IModuleEndpoint
    {
        private readonly ArrayList _replies = new ArrayList();
        private readonly ArrayList _commands = new ArrayList();
        private readonly byte[] _line = new byte[256];
        private int _lineLength;
        private int _rawLeft;

        /// <summary>The line the wire attached.</summary>
        public IModuleLine Line;

        /// <summary>Commands received, as text (without CR).</summary>
        public ArrayList Commands
        {
            get { return _commands; }
        }

        /// <summary>Raw bytes received after a prompt (see <see cref="ExpectRaw"/>).</summary>
        public int RawReceived;

        /// <summary>Queues the reply to the next command (null: stay silent).</summary>
        public ScriptedAtModule Then(string reply)
        {
            _replies.Add(reply);
            return this;
        }

        /// <summary>Queues a reply given as bytes.</summary>
        public ScriptedAtModule ThenBytes(byte[] reply)
        {
            _replies.Add(reply);
            return this;
        }

        /// <summary>The next <paramref name="count"/> bytes are payload, not a command; then the next reply is sent.</summary>
        public void ExpectRaw(int count)
        {
            _rawLeft = count;
        }

        /// <summary>Sends unsolicited bytes now.</summary>
        public void Send(string text)
        {
            byte[] b = Encoding.UTF8.GetBytes(text);
            Line.Send(b, 0, b.Length);
        }

        public void Attach(IModuleLine line)
        {
            Line = line;
        }

        public void PowerChanged(bool on)
        {
        }

        public void Received(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (_rawLeft > 0)
                {
                    _rawLeft--;
                    RawReceived++;
                    if (_rawLeft == 0)
                    {
                        Reply();
                    }

                    continue;
                }

                byte b = buffer[offset + i];
                if (b == 13 && _lineLength == 0)
                {
                    // A bare CR (a command's leading one) is no command.
                    continue;
                }

                if (b == 13)
                {
                    _commands.Add(Encoding.UTF8.GetString(_line, 0, _lineLength));
                    _lineLength = 0;
                    Reply();
                }
                else if (_lineLength < _line.Length)
                {
                    _line[_lineLength++] = b;
                }
            }
        }

        public void Timer()
        {
        }

        private void Reply()
        {
            if (_replies.Count == 0)
            {
                return;
            }

            object reply = _replies[0];
            _replies.RemoveAt(0);
            byte[] bytes = reply is string ? Encoding.UTF8.GetBytes((string)reply) : (byte[])reply;
            if (bytes != null && bytes.Length > 0)
            {
                Line.Send(bytes, 0, bytes.Length);
            }
        }
    }
}
