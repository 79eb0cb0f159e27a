namespace McuUpdater.Application
{
    /// <summary>The bench's start button as the board wires it.</summary>
    public interface IStartButton
    {
        /// <summary>True while the button is held down.</summary>
        bool IsPressed { get; }
    }
}
