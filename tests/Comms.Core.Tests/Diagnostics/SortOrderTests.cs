using Comms.Core.Diagnostics;

namespace Comms.Core.Tests.Diagnostics;

public sealed class SortOrderTests
{
    [Fact]
    public void Diagnostics_sort_by_file_with_numbers_as_numbers_then_by_line()
    {
        var bag = new DiagnosticBag();
        bag.Warning("CM2001", "x", "pulls.json[1002]");
        bag.Warning("CM2001", "x", "pulls.json[101]");
        bag.Warning("CM2001", "x", "maps/pr-10-map.yaml", 3, 1);
        bag.Warning("CM2001", "x", "maps/pr-9-map.yaml", 7, 1);
        bag.Warning("CM2001", "x", "maps/pr-9-map.yaml", 2, 1);
        bag.Warning("CM2001", "x");

        Assert.Equal(
            [(null, 0), ("maps/pr-9-map.yaml", 2), ("maps/pr-9-map.yaml", 7), ("maps/pr-10-map.yaml", 3), ("pulls.json[101]", 0), ("pulls.json[1002]", 0)],
            bag.Sorted().Select(d => (d.File, d.Line)));
    }

    [Theory]
    [InlineData("a2", "a10", -1)]
    [InlineData("a010", "a10", -1)] // equal numbers: the ordinal order decides, so the order stays total
    [InlineData("a10", "a10", 0)]
    [InlineData("b1", "a2", 1)]
    [InlineData("a", "a1", -1)]
    public void Natural_order_compares_digit_runs_as_numbers(string x, string y, int sign) =>
        Assert.Equal(sign, Math.Sign(NaturalOrder.Instance.Compare(x, y)));
}
