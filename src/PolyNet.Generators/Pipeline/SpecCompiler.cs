using System;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Pipeline;

/// <summary>Spec → generated file: runs the stages when the method's shape allows, then emits.</summary>
internal static class SpecCompiler
{
    public static CompiledHamiltonian? Compile(HamiltonianSpec spec, CancellationToken cancellationToken)
    {
        if (spec.ShapeError is not null || spec.Precision is not { } precision)
        {
            return null;
        }

        return HamiltonianCompiler.Compile(spec.ToInput(precision), cancellationToken);
    }

    /// <summary>Never throws (except for cancellation): an unexpected failure still yields a body that reports it.</summary>
    public static GeneratedFile Generate(HamiltonianSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return new GeneratedFile(spec.HintName, HamiltonianEmitter.Emit(spec, Compile(spec, cancellationToken)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failed = spec with { ShapeError = $"PolyNet internal error ({exception.GetType().Name}: {exception.Message}); please report this expression" };
            return new GeneratedFile(spec.HintName, HamiltonianEmitter.Emit(failed, null));
        }
    }
}
