using System;
using System.Device.Gpio;
using System.IO;
using McuUpdater.Link;
using McuUpdater.Power;
using McuUpdater.Session;
using McuUpdater.Simulator;
using McuUpdater.Storage;
using McuUpdater.Tests.Engine;
using nanoFramework.TestFramework;

namespace McuUpdater.Tests.Host.Engine
{
    /// <summary>GpioModulePower driving the simulated module through a host GpioController over a simulated GpioDriver.</summary>
    [TestClass]
    public class GpioModulePowerTests
    {
        private const int Supply = 5;
        private const int PwrKey = 6;
        private const int Reset = 7;

        private static ModulePowerPins Board(bool activeHigh)
        {
            ModulePowerPins pins = new ModulePowerPins();
            pins.SupplyPin = Supply;
            pins.SupplyActiveHigh = activeHigh;
            pins.PwrKeyPin = PwrKey;
            pins.PwrKeyActiveHigh = !activeHigh;
            pins.ResetPin = Reset;
            pins.ResetActiveHigh = !activeHigh;
            return pins;
        }

        private static void ExpectSafe(SimulatedGpioDriver driver, ModulePowerPins pins, string when)
        {
            Assert.IsTrue(driver.Asserted(Supply, pins.SupplyActiveHigh), when + ": supply on");
            Assert.IsFalse(driver.Asserted(PwrKey, pins.PwrKeyActiveHigh), when + ": PWRKEY released");
            Assert.IsFalse(driver.Asserted(Reset, pins.ResetActiveHigh), when + ": reset released");
        }

        [TestMethod]
        [DataRow(true, 0)]
        [DataRow(false, 0)]
        [DataRow(true, 1)]
        [DataRow(false, 1)]
        public void Gpio_UpdatesSimulatedModuleAndReleasesPins(bool activeHigh, int variant)
        {
            ModulePowerPins pins = Board(activeHigh);
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(variant, 1024));
            VirtualWire wire = new VirtualWire(module);
            SimulatedGpioDriver driver = new SimulatedGpioDriver(pins, wire.Power);
            using (GpioController controller = new GpioController(driver))
            using (GpioModulePower power = new GpioModulePower(controller, false, pins))
            {
                ExpectSafe(driver, pins, "after construction");
                UpdateSession session = new UpdateSession(wire.HostLink, power, wire.Clock, EngineRig.Defaults());
                bool heldWhileDownloading = false;
                session.Events.PhaseChanged += (s, phase) =>
                {
                    if (phase == UpdatePhase.Downloading)
                    {
                        heldWhileDownloading = driver.Asserted(PwrKey, pins.PwrKeyActiveHigh) && driver.Powered;
                    }
                };

                byte[] image = EngineRig.Image(5000, 1);
                int bootsBefore = module.PowerCycles;
                UpdateResult r = session.Run(new BinImage(new MemoryStream(image), "gpio.bin"));
                EngineRig.ExpectOutcome(UpdateOutcome.Success, r, "through GPIO");
                Assert.IsTrue(module.ImageMatches(image), "image");
                Assert.IsTrue(heldWhileDownloading, "PWRKEY held and module powered during the download");
                Assert.AreEqual(1, module.PowerCycles - bootsBefore, "one power cycle for the update");
                ExpectSafe(driver, pins, "after the update");
                Assert.IsTrue(driver.Powered, "module left running");
                Assert.IsFalse(power.InSession, "session ended");
            }

            Assert.AreEqual(0, driver.OpenPins, "pins closed on Dispose");
        }

        [TestMethod]
        public void Gpio_ReleasesPinsWhenTheLinkFails()
        {
            ModulePowerPins pins = Board(true);
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            SimulatedGpioDriver driver = new SimulatedGpioDriver(pins, wire.Power);
            using (GpioController controller = new GpioController(driver))
            using (GpioModulePower power = new GpioModulePower(controller, false, pins))
            {
                FailingLink link = new FailingLink(wire.HostLink, 20);
                UpdateSession session = new UpdateSession(link, power, wire.Clock, EngineRig.Defaults());
                UpdateResult r = session.Run(new BinImage(new MemoryStream(EngineRig.Image(50000, 2)), "gpio.bin"));
                EngineRig.ExpectOutcome(UpdateOutcome.LinkError, r, "port died mid-download");
                Assert.IsTrue(r.Detail.IndexOf("port unplugged") >= 0, "detail carries the cause: " + r.Detail);
                ExpectSafe(driver, pins, "after the failure");
            }
        }

        [TestMethod]
        public void Gpio_DisposeOwningControllerLeavesSafeLevelsFirst()
        {
            ModulePowerPins pins = Board(true);
            ModuleSimulator module = new ModuleSimulator(EngineRig.Simulator(0, 1024));
            VirtualWire wire = new VirtualWire(module);
            SimulatedGpioDriver driver = new SimulatedGpioDriver(pins, wire.Power);
            GpioModulePower power = new GpioModulePower(new GpioController(driver), true, pins);
            power.Off();
            Assert.IsFalse(driver.Powered, "off");
            power.On();
            Assert.IsTrue(driver.Asserted(PwrKey, pins.PwrKeyActiveHigh), "PWRKEY pressed by On");
            Assert.IsTrue(driver.Powered, "on");
            power.Dispose();
            Assert.IsTrue(driver.Powered, "module left powered after Dispose");
            Assert.AreEqual(0, driver.OpenPins, "controller disposed with its pins");
            Assert.ThrowsException(typeof(ObjectDisposedException), () => power.On(), "disposed");
        }

        [TestMethod]
        public void Gpio_RequiresAtLeastOnePin()
        {
            SimulatedGpioDriver driver = new SimulatedGpioDriver(new ModulePowerPins(), new CountingPower(new NullPower()));
            using (GpioController controller = new GpioController(driver))
            {
                Assert.ThrowsException(typeof(ArgumentException), () => new GpioModulePower(controller, false, new ModulePowerPins()), "no pins");
            }
        }

        private sealed class NullPower : IModulePower
        {
            public void Off()
            {
            }

            public void On()
            {
            }

            public void Release()
            {
            }
        }

        /// <summary>A link whose writes start throwing after a number of calls, like an unplugged USB-UART.</summary>
        private sealed class FailingLink : ISerialLink
        {
            private readonly ISerialLink _inner;
            private int _writesLeft;

            public FailingLink(ISerialLink inner, int writes)
            {
                _inner = inner;
                _writesLeft = writes;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                if (--_writesLeft < 0)
                {
                    throw new IOException("port unplugged");
                }

                _inner.Write(buffer, offset, count);
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                return _inner.Read(buffer, offset, count, timeoutMs);
            }
        }
    }
}
