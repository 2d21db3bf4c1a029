using System;

namespace PolyNet.Cli;

/// <summary>A command-line value that parses but makes no sense (a negative bound, an unknown spin name): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
