// scan_options: what a full scan of every record costs in C++, for issue 14's choice between scanning and side
// storage. Over the records of a case (one per line, as `trailscope-cli lookup CASE "" --limit 0 --format jsonl`
// prints them), in storage order:
//   inflate   decompressing them from deflate blocks of 128 records (libdeflate level 6, like the gzip evidence);
//   parse     finding requestParameters.bucketName in each with simdjson On-Demand and comparing it to a value;
//   parallel  the same parse on every core, each taking a contiguous share in storage order.
//
//   scan_options RECORDS.jsonl [BUCKET]

#include <libdeflate.h>
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Records
{
    std::string bytes; // every record, each followed by '\n', with simdjson's padding at the end
    std::vector<std::pair<std::size_t, std::size_t>> spans;
};

Records load(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    Records records;
    records.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::size_t start = 0;
    while (start < records.bytes.size()) {
        std::size_t end = records.bytes.find('\n', start);
        if (end == std::string::npos)
            end = records.bytes.size();
        if (end > start)
            records.spans.emplace_back(start, end - start);
        start = end + 1;
    }
    records.bytes.append(simdjson::SIMDJSON_PADDING, ' ');
    return records;
}

// Events whose requestParameters.bucketName is `bucket`, among records [first, last).
std::size_t countBucket(const Records& records, std::size_t first, std::size_t last, std::string_view bucket)
{
    simdjson::ondemand::parser parser;
    std::size_t found = 0;
    for (std::size_t i = first; i < last; ++i) {
        const auto [offset, length] = records.spans[i];
        // The padding after each record is the next records' bytes, and the buffer's end is padded.
        auto document = parser.iterate(records.bytes.data() + offset, length, records.bytes.size() - offset);
        if (document.error())
            continue;
        simdjson::ondemand::object request;
        if (document.find_field_unordered("requestParameters").get_object().get(request))
            continue;
        std::string_view name;
        if (!request.find_field_unordered("bucketName").get_string().get(name) && name == bucket)
            ++found;
    }
    return found;
}

void measureInflate(const Records& records)
{
    constexpr std::size_t BlockEvents = 128;
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
    libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
    std::vector<std::vector<char>> blocks;
    std::vector<std::size_t> sizes;
    std::size_t compressed = 0;
    for (std::size_t i = 0; i < records.spans.size(); i += BlockEvents) {
        const std::size_t last = std::min(records.spans.size(), i + BlockEvents);
        const std::size_t begin = records.spans[i].first;
        const std::size_t size = records.spans[last - 1].first + records.spans[last - 1].second - begin;
        std::vector<char> block(libdeflate_deflate_compress_bound(compressor, size));
        block.resize(
            libdeflate_deflate_compress(compressor, records.bytes.data() + begin, size, block.data(), block.size()));
        compressed += block.size();
        blocks.push_back(std::move(block));
        sizes.push_back(size);
    }
    std::vector<char> out(*std::max_element(sizes.begin(), sizes.end()));
    const auto start = Clock::now();
    for (std::size_t b = 0; b < blocks.size(); ++b)
        libdeflate_deflate_decompress(decompressor, blocks[b].data(), blocks[b].size(), out.data(), sizes[b], nullptr);
    const double seconds = secondsSince(start);
    std::printf("inflate   %zu blocks of %zu records, %.1f B/event deflated: %.3f s, %.0f ns/event\n", blocks.size(),
                BlockEvents, double(compressed) / double(records.spans.size()), seconds,
                seconds * 1e9 / double(records.spans.size()));
    libdeflate_free_compressor(compressor);
    libdeflate_free_decompressor(decompressor);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: scan_options RECORDS.jsonl [BUCKET]\n");
        return 2;
    }
    const std::string bucket = argc > 2 ? argv[2] : "acme-prod-alb-logs";
    const Records records = load(argv[1]);
    const std::size_t events = records.spans.size();
    std::printf("%zu records, %.0f B/event\n", events, double(records.bytes.size()) / double(events));
    measureInflate(records);

    auto start = Clock::now();
    const std::size_t found = countBucket(records, 0, events, bucket);
    double seconds = secondsSince(start);
    std::printf("parse     1 thread: %zu events with bucketName %s in %.3f s, %.0f ns/event\n", found, bucket.c_str(),
                seconds, seconds * 1e9 / double(events));

    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> total{0};
    start = Clock::now();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t)
        workers.emplace_back(
            [&, t] { total += countBucket(records, events * t / threads, events * (t + 1) / threads, bucket); });
    for (std::thread& worker : workers)
        worker.join();
    seconds = secondsSince(start);
    std::printf("parallel  %u threads: %zu events in %.3f s, %.0f ns/event\n", threads, total.load(), seconds,
                seconds * 1e9 / double(events));
    return 0;
}
