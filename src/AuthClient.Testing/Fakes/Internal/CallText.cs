using System.Text;

namespace AuthClient.Testing.Fakes.Internal;

/// <summary>Writes a recorded call as <c>Operation { Name = value, ... }</c>, leaving out unset arguments. Values print
/// through their own <see cref="object.ToString"/>, so a <see cref="Primitives.Secret"/> prints <c>[redacted]</c>.</summary>
/// <param name="operation">The operation name.</param>
internal sealed class CallText(string operation)
{
    private readonly StringBuilder _text = new(operation);
    private int _count;

    public CallText Add(string name, object? value)
    {
        if (value is not null)
        {
            _text.Append(_count++ == 0 ? " { " : ", ").Append(name).Append(" = ").Append(value);
        }

        return this;
    }

    public override string ToString() => _count == 0 ? _text + " { }" : _text + " }";
}
