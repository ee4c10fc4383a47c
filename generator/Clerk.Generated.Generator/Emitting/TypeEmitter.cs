using Clerk.Generated.Generator.Model;

namespace Clerk.Generated.Generator.Emitting;

/// <summary>Picks the emitter for a type by its kind.</summary>
internal static class TypeEmitter
{
    public static string Emit(TypeModel type, EmitSettings settings) => type.Kind switch
    {
        TypeModelKind.Enum => EnumEmitter.Emit(type, settings),
        TypeModelKind.Union => UnionEmitter.Emit(type, settings),
        _ => ObjectEmitter.Emit(type, settings),
    };
}
