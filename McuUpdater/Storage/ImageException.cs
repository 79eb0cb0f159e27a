using System;

namespace McuUpdater.Storage
{
    /// <summary>An image failed verification, or its storage failed while reading; the message names the file and what differs.</summary>
    public class ImageException : Exception
    {
        /// <summary>Creates the exception for <paramref name="problem"/> with a full sentence.</summary>
        public ImageException(ImageProblem problem, string message)
            : base(message)
        {
            Problem = problem;
        }

        /// <summary>What is wrong.</summary>
        public ImageProblem Problem { get; private set; }
    }
}
