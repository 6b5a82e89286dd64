// Starts s3rver (npm, test-only) for the receipt tests: node s3rver-host.js <folder> <port> <bucket>.
const S3rver = require("s3rver");

const [folder, port, bucket] = process.argv.slice(2);
const server = new S3rver({
  directory: folder,
  address: "127.0.0.1",
  port: Number(port),
  silent: true,
  vhostBuckets: false,
  configureBuckets: [{ name: bucket }],
});

// The AWS SDK sends CopyObject's source fully percent-encoded ("bucket%2Fkey"), which S3 accepts; s3rver decodes it
// with decodeURI, which leaves "%2F", and then cannot find the bucket. Decoding it first makes s3rver read it as S3 does.
server.middleware.unshift(async (ctx, next) => {
  const source = ctx.headers["x-amz-copy-source"];
  if (source) {
    ctx.headers["x-amz-copy-source"] = encodeURI(decodeURIComponent(source));
  }
  await next();
});

server.run().then(() => console.log(`s3rver on 127.0.0.1:${port}`));
