// The seed's Node service: Express + knex on pg. POST /api/tasks inserts the form's title and
// description as one row and answers the new row, 201; POST /api/cpu runs the seed's CPU loop.
// The suite starts it (pm2-runtime, see PeerProcess) with the database in PG* variables, the
// peer's own schema in PGOPTIONS (search_path) and the port in TASKBENCH_PEER_PORT.
'use strict';

const express = require('express');
const pg = require('pg');

// bigint ids come back as strings by default; the row's id is a number, as the seed's client read it
pg.types.setTypeParser(20, (v) => parseInt(v, 10));

// connection from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGOPTIONS; knex's default pool (2..10)
const knex = require('knex')({ client: 'pg', connection: {} });

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/api/tasks', async (req, res) => {
  const { title, description } = req.body;
  if (typeof title !== 'string' || typeof description !== 'string') {
    return res.status(400).json({ error: 'title and description are required' });
  }
  try {
    const [row] = await knex('task').insert({ title, description }).returning('*');
    res.status(201).json(row);
  } catch (e) {
    res.status(500).json({ error: e.message });
  }
});

// the seed's CPU round: its loop instead of the database
app.post('/api/cpu', (req, res) => {
  let counter = 0;
  for (let i = 0; i < 10000; i++) {
    for (let k = 0; k < 1000; k++) {
      counter = counter + 500;
    }
  }
  res.json({ counter });
});

const port = parseInt(process.env.TASKBENCH_PEER_PORT || '8001', 10);
app.listen(port, process.env.TASKBENCH_PEER_HOST || '127.0.0.1');
